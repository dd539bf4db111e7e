package dev.smtplint.cli;

import dev.smtplint.report.format.Format;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.rules.Rule;
import dev.smtplint.run.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the real command line in-process with captured streams. */
record Run(int code, String out, String err) {
  /**
   * Every --format name, from the format enum: a new format is covered by every test that loops
   * over these.
   */
  static final List<String> FORMATS =
      Arrays.stream(Format.Name.values()).map(n -> n.name().toLowerCase(Locale.ROOT)).toList();

  static Run of(String... args) {
    return withInput("", Map.of(), args);
  }

  /** lint --format json --fail-on never, then {@code args}: the whole report, whatever it holds. */
  static Run lintJson(String... args) {
    List<String> all =
        new java.util.ArrayList<>(List.of("lint", "--format", "json", "--fail-on", "never"));
    all.addAll(List.of(args));
    return of(all.toArray(String[]::new));
  }

  static Run withInput(String stdin, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            env,
            false);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * The real command line with the catalogue's rules and {@code extra} ones (a rule that fails,
   * say).
   */
  static Run withRules(List<Rule> extra, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<Rule> rules = new java.util.ArrayList<>(Catalogue.rules());
    rules.addAll(extra);
    int code =
        Main.run(
            new Environment(
                new PrintWriter(out),
                new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]),
                Map.of(),
                false,
                rules),
            args);
    return new Run(code, out.toString(), err.toString());
  }

  String all() {
    return out + err;
  }
}
