package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.Severity;
import dev.smtplint.rules.Reporter;
import dev.smtplint.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file's failure inside smtplint costs that file only: the others are checked and reported, in
 * every format.
 */
class IsolationTest {
  @TempDir Path dir;

  /**
   * A rule with a bug: on one address it recurses until the stack overflows, on another it throws.
   */
  private static final Rule BROKEN =
      new Rule() {
        public RuleInfo info() {
          return new RuleInfo(
              "broken-rule",
              Severity.ERROR,
              dev.smtplint.report.Group.CORRECTNESS,
              "A rule with a bug.",
              new RuleInfo.Explanation("w", "b", "g", "f", "s"));
        }

        public void check(EmailSettings s, Reporter out) {
          String address = s.address().map(a -> a.value()).orElse("");
          if (address.startsWith("overflow@")) {
            recurse(0);
          } else if (address.startsWith("throw@")) {
            throw new IllegalStateException("a bug");
          }
        }

        private int recurse(int depth) {
          return recurse(depth + 1) + 1;
        }
      };

  @Test
  void aFailingFileIsReportedAndEveryOtherFileStillIs() throws Exception {
    List<String> files = new ArrayList<>();
    for (String who : new String[] {"first", "overflow", "middle", "throw", "last"}) {
      Path file = dir.resolve(who + ".json");
      Files.writeString(
          file,
          "{\"email.address\": \""
              + who
              + "@acme.io\", \"email.smtp\": {\"host\": \"mail.acme.io\", "
              + "\"port\": 587, \"authentication\": \"plain\"}}");
      files.add(file.toString());
    }
    for (String format : Run.FORMATS) {
      List<String> args = new ArrayList<>(List.of("lint", "--format", format));
      args.addAll(files);
      Run run = Run.withRules(List.of(BROKEN), args.toArray(String[]::new));
      assertEquals(3, run.code(), format + ": " + run.all());
      assertFalse(run.all().contains("\tat ") || run.all().contains("Exception in"), run.all());
      assertEquals(
          2, run.err().lines().filter(l -> l.contains(": internal error: ")).count(), run.err());
      for (String ok : new String[] {"first", "middle", "last"}) {
        assertTrue(
            run.out().contains(ok + ".json") && run.out().contains("auth-unknown"),
            format + " lacks " + ok + ":\n" + run.out());
      }
      assertTrue(
          run.out().contains("StackOverflowError") && run.out().contains("IllegalStateException"),
          format + ":\n" + run.out());
    }
    Run debug = Run.withRules(List.of(BROKEN), "lint", "--debug", files.get(3));
    assertEquals(3, debug.code());
    assertTrue(
        debug.err().contains("IllegalStateException: a bug"),
        "--debug shows the stack trace: " + debug.err());
  }

  @Test
  void largeBatchesCheckedInParallelIsolateToo() throws Exception {
    List<String> args = new ArrayList<>(List.of("lint", "--format", "json"));
    for (int i = 0; i < 80; i++) {
      Path file = dir.resolve("f" + i + ".json");
      Files.writeString(
          file, "{\"email.address\": \"" + (i == 40 ? "overflow" : "ok") + "@acme.io\"}");
      args.add(file.toString());
    }
    Run run = Run.withRules(List.of(BROKEN), args.toArray(String[]::new));
    assertEquals(3, run.code(), run.err());
    assertEquals(80, run.out().split("\"path\"").length - 1, "every file is in the report");
    assertEquals(1, run.out().split("\"internalError\"").length - 1);
  }
}
