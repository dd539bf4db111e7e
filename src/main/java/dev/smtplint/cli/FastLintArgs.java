package dev.smtplint.cli;

import dev.smtplint.report.format.Format;
import dev.smtplint.run.Environment;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lint}'s options read by hand, for the path every commit takes: picocli builds its model of
 * a command by reflection, which costs a cold start tens of milliseconds. Only the plain forms are
 * read here ({@code --option value}, {@code --option=value}, the flags, file names); anything else
 * — {@code --help}, clustered short options, a bad value, an unknown option — returns empty, and
 * picocli parses the command line as always, errors and all. {@code FastLintArgsTest} holds the two
 * parsers to the same result.
 */
final class FastLintArgs {
  /** The options that may be given more than once; the others picocli refuses twice. */
  private static final Set<String> REPEATABLE =
      Set.of("--merge", "--disable", "--enable", "--allow-host");

  /** Short and long names of one option. */
  private static final Map<String, String> SAME =
      Map.of("-o", "--output", "-q", "--quiet", "-v", "--verbose");

  private FastLintArgs() {}

  static Optional<LintCommand> parse(String[] args, Environment environment) {
    if (args.length == 0 || !args[0].equals("lint")) {
      return Optional.empty();
    }
    LintCommand c = new LintCommand(environment);
    c.format = Format.Name.TEXT;
    c.probing.timeout = 10;
    boolean filesOnly = false;
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (filesOnly || a.equals("-") || !a.startsWith("-")) {
        c.files.add(a); // "@list" too: neither parser expands argument files (SPEC §10)
        continue;
      }
      if (a.equals("--")) {
        filesOnly = true;
        continue;
      }
      int eq = a.startsWith("--") ? a.indexOf('=') : -1;
      if (eq > 2) { // --option=value, as hooks' args often spell it
        String option = a.substring(0, eq);
        // a flag given "=value" is no option value() takes: left to picocli, as an unknown one
        if (!REPEATABLE.contains(option) && !seen.add(option)
            || !value(c, option, a.substring(eq + 1))) {
          return Optional.empty();
        }
        continue;
      }
      if (!REPEATABLE.contains(a) && !seen.add(SAME.getOrDefault(a, a))) {
        return Optional.empty(); // picocli refuses an option given twice
      }
      switch (a) {
        case "--isolated" -> c.isolated = true;
        case "--no-color" -> c.noColor = true;
        case "-q", "--quiet" -> c.quiet = true;
        case "--probe" -> c.probing.probe = true;
        case "-v", "--verbose" -> c.probing.verbose = true;
        case "--debug" -> c.debug = true;
        case "--fix" -> c.fix = true;
        case "--unsafe-fixes" -> c.unsafeFixes = true;
        case "--diff" -> c.diff = true;
        default -> {
          if (i + 1 >= args.length || !value(c, a, args[++i])) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.of(c);
  }

  /**
   * One option that takes a value; false where picocli should have the say (unknown option, bad
   * value).
   */
  private static boolean value(LintCommand c, String option, String v) {
    if (v.startsWith("-") && !v.equals("-")) {
      return false; // a value that looks like an option: picocli's rules decide
    }
    switch (option) {
      case "--merge" -> c.merges.add(v);
      case "--format" -> {
        try {
          c.format = Format.Name.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          return false;
        }
      }
      case "-o", "--output" -> c.output = Path.of(v);
      case "--fail-on" -> c.failOn = v;
      case "--sourcegraph-version" -> c.sourcegraphVersion = v;
      case "--stdin-filename" -> c.stdinFilename = v;
      case "--color" -> c.colorWhen = v;
      case "--disable" -> c.disable.addAll(List.of(v.split(",")));
      case "--enable" -> c.enable.addAll(List.of(v.split(",")));
      case "--allow-host" -> c.probing.allowHosts.addAll(List.of(v.split(",")));
      case "--config" -> c.config = Path.of(v);
      case "--to" -> c.probing.to = v;
      case "--password-env" -> c.probing.passwordEnv = v;
      case "--ca-file" -> c.probing.caFile = Path.of(v);
      case "--timeout" -> {
        try {
          c.probing.timeout = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          return false;
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}
