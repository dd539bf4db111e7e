package dev.smtplint.cli;

import dev.smtplint.check.FailOn;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.report.Redaction;
import dev.smtplint.report.format.Format;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.rules.Releases;
import dev.smtplint.run.ProbeRun;
import dev.smtplint.run.ProjectSettingsFile;
import dev.smtplint.run.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lint}'s command line, checked: every usage error that the words alone show is found here,
 * before anything is read (a settings file, a CA file, a site config). What only a read can show (a
 * missing file) is found by {@link LintRun}.
 */
record LintOptions(
    List<String> files,
    List<String> merges,
    Format.Name format,
    Optional<Path> output,
    Optional<FailOn> failOn,
    List<String> disable,
    List<String> enable,
    Optional<Path> config,
    boolean isolated,
    List<String> allowHosts,
    boolean noColor,
    String colorWhen,
    boolean quiet,
    boolean probe,
    Optional<String> to,
    Optional<String> passwordEnv,
    Fixing fixing,
    Optional<String> instance,
    Duration timeout,
    Optional<Path> caFile,
    boolean verbose,
    boolean debug,
    Optional<SourcegraphVersion> sourcegraphVersion,
    Optional<String> stdinFilename) {

  /** --fix, --diff, --unsafe-fixes. */
  record Fixing(boolean fix, boolean diff, boolean unsafe) {
    boolean any() {
      return fix || diff;
    }
  }

  LintOptions {
    files = List.copyOf(files);
    merges = List.copyOf(merges);
    disable = List.copyOf(disable);
    enable = List.copyOf(enable);
    allowHosts = List.copyOf(allowHosts);
  }

  /**
   * --sourcegraph-version: a release smtplint's table covers (an older one, or no version, is a
   * usage error).
   */
  static Optional<SourcegraphVersion> release(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<SourcegraphVersion> v = SourcegraphVersion.parse(text);
    if (v.isEmpty()) {
      throw new UsageException(
          "--sourcegraph-version takes a release such as 5.2 or 5.2.1, not \""
              + Redaction.printable(text)
              + "\"");
    }
    if (v.get().compareTo(Releases.oldest()) < 0) {
      throw new UsageException(
          "--sourcegraph-version "
              + v.get()
              + " is older than "
              + Releases.oldest()
              + ", the oldest release smtplint's table covers (the first with SITE_CONFIG_FILE)");
    }
    return v;
  }

  private static boolean isPath(String name) {
    try {
      return !name.isEmpty() && !name.equals("-") && java.nio.file.Path.of(name) != null;
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** The options as picocli (or the fast parser) set them, or the first usage error among them. */
  static LintOptions of(LintCommand c) {
    Optional<FailOn> failOn = Optional.empty();
    if (c.failOn != null) {
      failOn = FailOn.parse(c.failOn);
      if (failOn.isEmpty()) {
        throw new UsageException(
            "--fail-on takes error, warning, info or never, not \"" + c.failOn + "\"");
      }
    }
    for (String id : c.disable) {
      requireRule(id, "--disable");
    }
    for (String id : c.enable) {
      requireRule(id, "--enable");
    }
    if (c.colorWhen != null && !List.of("auto", "always", "never").contains(c.colorWhen)) {
      throw new UsageException("--color takes auto, always or never, not \"" + c.colorWhen + "\"");
    }
    Duration timeout = ProbeRun.timeout(c.probing.timeout);
    if (!c.probing.probe
        && (c.probing.to != null
            || c.probing.passwordEnv != null
            || c.probing.caFile != null && c.instance == null
            || !c.probing.allowHosts.isEmpty())) {
      throw new UsageException(
          "--to, --password-env and --allow-host go with --probe; --ca-file with --probe or --instance");
    }
    if (c.probing.to != null
        && c.probing
            .to
            .chars()
            .anyMatch(ch -> ch == '\r' || ch == '\n' || ch == '<' || ch == '>')) {
      throw new UsageException("--to takes a bare address");
    }
    if (c.isolated && c.config != null) {
      throw new UsageException(
          "--isolated ignores every settings file, so it does not go with --config");
    }
    if (c.stdinFilename != null && !c.files.contains("-")) {
      throw new UsageException(
          "--stdin-filename names the file standard input stands for: it goes with -");
    }
    if (c.stdinFilename != null && !isPath(c.stdinFilename)) {
      throw new UsageException("--stdin-filename takes a file's path");
    }
    Fixing fixing = fixing(c);
    if (c.instance != null) {
      requireInstanceAlone(c, fixing);
    } else if (c.files.isEmpty() && c.merges.isEmpty()) {
      throw new UsageException(
          "lint needs a FILE or --merge FILE[:FILE...]; try 'smtplint lint --help'");
    }
    return new LintOptions(
        c.files,
        c.merges,
        c.format,
        Optional.ofNullable(c.output),
        failOn,
        c.disable,
        c.enable,
        Optional.ofNullable(c.config),
        c.isolated,
        c.probing.allowHosts,
        c.noColor,
        c.colorWhen,
        c.quiet,
        c.probing.probe,
        Optional.ofNullable(c.probing.to),
        Optional.ofNullable(c.probing.passwordEnv),
        fixing,
        Optional.ofNullable(c.instance),
        timeout,
        Optional.ofNullable(c.probing.caFile),
        c.probing.verbose,
        c.debug,
        release(c.sourcegraphVersion),
        Optional.ofNullable(c.stdinFilename));
  }

  private static Fixing fixing(LintCommand c) {
    if (c.unsafeFixes && !c.fix && !c.diff) {
      throw new UsageException("--unsafe-fixes goes with --fix or --diff");
    }
    if (c.fix && c.diff) {
      throw new UsageException("--fix writes the fixes and --diff only shows them: choose one");
    }
    if ((c.fix || c.diff) && c.probing.probe) {
      throw new UsageException("--fix and --diff do not go with --probe: fix first, then probe");
    }
    return new Fixing(c.fix, c.diff, c.unsafeFixes);
  }

  private static void requireInstanceAlone(LintCommand c, Fixing fixing) {
    if (fixing.any()) {
      throw new UsageException("--fix and --diff change files: they do not go with --instance");
    }
    if (!c.files.isEmpty() || !c.merges.isEmpty()) {
      throw new UsageException(
          "--instance lints the instance's site configuration: give no FILE or --merge with it");
    }
    if (c.probing.probe && c.probing.to == null && c.probing.passwordEnv == null) {
      throw new UsageException(
          "with --instance, --probe needs --to ADDRESS (the instance sends a test email there) "
              + "or --password-env NAME (a local probe of the instance's settings)");
    }
  }

  private static void requireRule(String id, String option) {
    if (!Catalogue.exists(id)) {
      throw new UsageException(option + ": no rule \"" + id + "\" (see `smtplint rules`)");
    }
  }

  /**
   * Whether a probe's password comes from the environment (a placeholder in the file is then
   * expected).
   */
  /** What the settings were asked. */
  ProjectSettingsFile.Request settingsRequest() {
    List<String> named = new ArrayList<>(); // standard input as the file it stands for
    for (String f : files) {
      named.add(f.equals("-") && stdinFilename.isPresent() ? stdinFilename.get() : f);
    }
    return new ProjectSettingsFile.Request(
        named,
        merges,
        config,
        isolated,
        disable,
        enable,
        failOn,
        passwordFromEnvironment(),
        sourcegraphVersion);
  }

  /** What the probe (and --instance's HTTPS) was asked. */
  ProbeRun.Request probeRequest() {
    return new ProbeRun.Request(to, passwordEnv, allowHosts, timeout, caFile);
  }

  boolean passwordFromEnvironment() {
    return probe && passwordEnv.isPresent();
  }
}
