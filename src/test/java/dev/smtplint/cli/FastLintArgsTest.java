package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.run.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The hand-read options of lint agree with picocli's reading of the same command line, field by
 * field, on every form the fast path accepts (real command lines and generated ones); what it does
 * not accept, picocli reads as before.
 */
class FastLintArgsTest {
  private static final Environment ENV =
      new Environment(
          new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter()),
          new ByteArrayInputStream(new byte[0]),
          Map.of(),
          false);

  private static final List<List<String>> PIECES =
      List.of(
          List.of("site.json"),
          List.of("-"),
          List.of("dir/"),
          List.of("--format", "json"),
          List.of("--format", "SARIF"),
          List.of("--format", "bogus"),
          List.of("-o", "out.txt"),
          List.of("--output", "r.sarif"),
          List.of("--fail-on", "warning"),
          List.of("--disable", "port-nonstandard,example-domain"),
          List.of("--enable", "a"),
          List.of("--config", ".smtplint.json"),
          List.of("--isolated"),
          List.of("--allow-host", "smtp.acme.io"),
          List.of("--no-color"),
          List.of("-q"),
          List.of("--quiet"),
          List.of("--probe"),
          List.of("--to", "me@acme.io"),
          List.of("--password-env", "SMTP_PASSWORD"),
          List.of("--timeout", "2.5"),
          List.of("--timeout", "x"),
          List.of("--ca-file", "ca.pem"),
          List.of("-v"),
          List.of("--verbose"),
          List.of("--debug"),
          List.of("--merge", "a.json:b.json"),
          List.of("--", "-weird.json"),
          List.of("--format=json"),
          List.of("--stdin-filename", "config/site.json"),
          List.of("--stdin-filename=k8s/cm.yaml"),
          List.of("--format=SARIF"),
          List.of("--format=bogus"),
          List.of("--format="),
          List.of("--fail-on=warning"),
          List.of("--disable=port-nonstandard,example-domain"),
          List.of("--merge=a.json:b.json"),
          List.of("--timeout=2"),
          List.of("--timeout=x"),
          List.of("--to="),
          List.of("--to=-x"),
          List.of("--isolated=true"),
          List.of("--output=r.sarif"),
          List.of("-o=x"),
          List.of("--unknown=1"),
          List.of("-qv"),
          List.of("--help"),
          List.of("--unknown"),
          List.of("--color", "always"),
          List.of("--color", "bogus"),
          List.of("@args.txt"),
          List.of("--to"),
          List.of("--timeout", "1e1"),
          List.of("--fix"),
          List.of("--unsafe-fixes"),
          List.of("--diff"),
          List.of("--instance"),
          List.of("--instance", "https://sg.acme.io"));

  /** Every option and parameter field of a LintCommand and its mixins, by name. */
  private static Map<String, Object> fields(LintCommand c) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    fields(c, out);
    return out;
  }

  private static void fields(Object o, Map<String, Object> out) throws Exception {
    for (Field f : o.getClass().getDeclaredFields()) {
      f.setAccessible(true);
      if (f.isAnnotationPresent(CommandLine.Option.class)
          || f.isAnnotationPresent(CommandLine.Parameters.class)) {
        out.put(f.getName(), f.get(o));
      } else if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
        fields(f.get(o), out);
      }
    }
  }

  private static Optional<Map<String, Object>> picocli(List<String> args) throws Exception {
    LintCommand c = new LintCommand(ENV);
    try {
      new CommandLine(c)
          .setCaseInsensitiveEnumValuesAllowed(true)
          .parseArgs(args.subList(1, args.size()).toArray(String[]::new));
      return Optional.of(fields(c));
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
  }

  @Test
  void whereTheFastPathReadsACommandLinePicocliReadsItTheSame() throws Exception {
    Random r = new Random(5);
    int fast = 0;
    for (int i = 0; i < 3_000; i++) {
      List<String> args = new ArrayList<>(List.of("lint"));
      for (int k = 0, n = r.nextInt(6); k < n; k++) {
        args.addAll(PIECES.get(r.nextInt(PIECES.size())));
      }
      Optional<LintCommand> mine = FastLintArgs.parse(args.toArray(String[]::new), ENV);
      if (mine.isPresent()) {
        fast++;
        Optional<Map<String, Object>> theirs = picocli(args);
        assertTrue(theirs.isPresent(), "the fast path accepted what picocli refuses: " + args);
        assertEquals(theirs.get(), fields(mine.get()), String.valueOf(args));
      }
    }
    assertTrue(fast > 500, "command lines the fast path read: " + fast);
  }

  @Test
  void theCommonCommandLinesTakeTheFastPath() {
    for (String line :
        new String[] {
          "lint site.json",
          "lint --format sarif -o smtplint.sarif --fail-on never config/",
          "lint --isolated --probe --password-env SMTP_PASSWORD --allow-host smtp.sendgrid.net config/site.json",
          "lint --format=json --fail-on=warning site.json"
        }) {
      assertTrue(FastLintArgs.parse(line.split(" "), ENV).isPresent(), line);
    }
    for (String line :
        new String[] {
          "lint --help", "lint -qv site.json", "lint --quiet=true site.json", "rules"
        }) {
      assertTrue(FastLintArgs.parse(line.split(" "), ENV).isEmpty(), line);
    }
  }
}
