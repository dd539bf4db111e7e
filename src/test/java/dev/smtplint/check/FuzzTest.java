package dev.smtplint.check;

import static org.junit.jupiter.api.Assertions.fail;

import dev.smtplint.config.SourceFile;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Report;
import dev.smtplint.report.Severity;
import dev.smtplint.report.format.GithubFormat;
import dev.smtplint.report.format.JsonFormat;
import dev.smtplint.report.format.JunitFormat;
import dev.smtplint.report.format.SarifFormat;
import dev.smtplint.report.format.TextFormat;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.schema.EmailSchema;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of read, check and every format: mutated real site configs and random
 * JSON-ish text must end in findings, never in an exception. Seeded, so a failure replays; a
 * failing input is written to target/fuzz-crashers/ to be kept in src/test/resources/fuzz-crashers/,
 * which is replayed on every run. Longer runs: -Dsmtplint.fuzz.iterations=1000000 (and .seed).
 */
class FuzzTest {
  private static final EmailSchema SCHEMA = EmailSchema.load();
  private static final Linter LINTER = new Linter(Settings.DEFAULT, () -> SCHEMA);
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final String ALPHABET = "{}[]\":,/*\\\n\r\t 0123456789eE.-+tfnul@<>~\u00e9\u2028\ud83d\ude00";
  private static final String SEED = """
      {
        // a comment
        "email.address": "sourcegraph@acme.io",
        "email.senderName": "Acme",
        "email.smtp": { "host": "email-smtp.us-east-1.amazonaws.com", "port": 587, "authentication": "PLAIN",
          "username": "AKIAIOSFODNN7EXAMPLE", "password": "secret", "domain": "sg.acme.io", "noVerifyTLS": false,
          "additionalHeaders": [{ "key": "X-A", "value": "b", "sensitive": true }] },
        "email.templates": { "resetPassword": { "subject": "{{.Host}}", "html": "<a href=\\"{{.URL}}\\">x</a>" } },
        /* block */ "email.foo": [1, 2.5e3, null, true],
      }
      """;

  @Test
  void mutatedAndRandomInputsNeverThrow() throws Exception {
    int iterations = Integer.getInteger("smtplint.fuzz.iterations", 3000);
    long seed = Long.getLong("smtplint.fuzz.seed", 20261124L);
    Random random = new Random(seed);
    for (int i = 0; i < iterations; i++) {
      String input = i % 4 == 3 ? randomText(random) : mutate(SEED, random, 1 + random.nextInt(4));
      try {
        checkAndFormat(input);
      } catch (Exception | StackOverflowError e) {
        Path kept = ROOT.resolve("target/fuzz-crashers/crasher-" + seed + "-" + i + ".json");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, input, StandardCharsets.UTF_8);
        fail("input " + i + " (seed " + seed + ", kept in " + kept + ") threw " + e, e);
      }
    }
  }

  @Test
  void keptCrashersNeverThrow() throws Exception {
    try (var files = Files.list(ROOT.resolve("src/test/resources/fuzz-crashers"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        checkAndFormat(Files.readString(p));
      }
    }
  }

  private static String mutate(String text, Random random, int edits) {
    StringBuilder b = new StringBuilder(text);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(b.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> b.insert(at, piece(random));
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(8)));
        default -> b.replace(at, Math.min(b.length(), at + 1), piece(random));
      }
    }
    return b.toString();
  }

  private static String piece(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
    }
    return b.toString();
  }

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder("{\"email.smtp\": ");
    int n = random.nextInt(200);
    for (int i = 0; i < n; i++) {
      b.append(piece(random));
    }
    return b.toString();
  }

  private static void checkAndFormat(String text) throws Exception {
    FileResult result = LINTER.check(SourceFile.of("fuzz.json", text)).results().get(0);
    Report report = new Report("fuzz", List.of(result), Catalogue.infos());
    new TextFormat(false, true, Optional.empty(), true).write(report, new StringWriter());
    new JsonFormat().write(report, new StringWriter());
    new SarifFormat(Path.of("")).write(report, new StringWriter());
    new GithubFormat().write(report, new StringWriter());
    new JunitFormat(Optional.of(Severity.ERROR)).write(report, new StringWriter());
  }
}
