package dev.smtplint.cli;

import dev.smtplint.config.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of {@code lint} judges, one thing at a time, in the order the command line gives it:
 * a file (or standard input), a --merge list, the settings' siteConfig list, or a running
 * instance's configuration. {@link UnitChecks} reads and judges each; {@link LintRun} probes, fixes
 * and reports them.
 */
sealed interface Unit {
  /** A file named on the command line or found by a directory walk. */
  record File(Inputs.Input input) implements Unit {}

  /** --merge FILE[:FILE...]: a SITE_CONFIG_FILE list, as Sourcegraph merges it. */
  record Merge(String list) implements Unit {
    /** The list's file names, in order (empty names, as in "a::b", left out). */
    List<String> names() {
      List<String> out = new ArrayList<>();
      for (String name : list.split(":")) {
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
      return out;
    }
  }

  /** The settings' siteConfig list, named by one of its files (linted whole, once). */
  record SiteConfig(List<Path> files) implements Unit {
    public SiteConfig {
      files = List.copyOf(files);
    }
  }

  /** A running Sourcegraph's effective configuration, as its API served it. */
  record Instance(SourceFile source) implements Unit {}
}
