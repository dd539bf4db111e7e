package dev.smtplint.run;

import dev.smtplint.config.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of {@code lint} judges, one thing at a time, in the order the command line gives it:
 * a file (or standard input), a --merge list, the settings' siteConfig list, or a running
 * instance's configuration. {@link UnitChecks} reads and judges each; the run probes, fixes and
 * reports them.
 */
public sealed interface Unit {
  /** A file named on the command line or found by a directory walk. */
  public record File(Inputs.Input input) implements Unit {}

  /** --merge FILE[:FILE...]: a SITE_CONFIG_FILE list, as Sourcegraph merges it. */
  public record Merge(String list) implements Unit {
    /**
     * The list's file names, in order (empty names, as in "a::b", left out); a name given again is
     * merged once, at its last place (a later file wins the merge: [a, b, a] is [b, a]).
     */
    public List<String> names() {
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      for (String name : list.split(":")) {
        if (!name.isEmpty()) {
          out.remove(name);
          out.add(name);
        }
      }
      return new ArrayList<>(out);
    }

    /**
     * The first file the list names, as written (its settings govern the list): with a name given
     * again, not the first of {@link #names}, which keeps each at its last place.
     */
    public String first() {
      for (String name : list.split(":")) {
        if (!name.isEmpty()) {
          return name;
        }
      }
      return names().get(0); // no name at all: as before, names() says so
    }

    /** The files of every --merge list, absolute (each is linted as part of its list). */
    public static java.util.Set<Path> members(List<String> lists) {
      java.util.Set<Path> out = new java.util.HashSet<>();
      for (String list : lists) {
        for (String name : new Merge(list).names()) {
          out.add(Path.of(name).toAbsolutePath().normalize());
        }
      }
      return out;
    }
  }

  /**
   * The settings' siteConfig list, named by one of its files (linted whole, once); a file listed
   * again is merged once, at its last place.
   */
  public record SiteConfig(List<Path> files) implements Unit {
    public SiteConfig {
      java.util.Map<Path, Path> once = new java.util.LinkedHashMap<>();
      for (Path f : files) {
        Path key = f.toAbsolutePath().normalize();
        once.remove(key);
        once.put(key, f);
      }
      files = List.copyOf(once.values());
    }
  }

  /** A running Sourcegraph's effective configuration, as its API served it. */
  public record Instance(SourceFile source) implements Unit {}
}
