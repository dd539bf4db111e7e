package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The words of the command line's answers that an admin met on the way (issue #31 item 8). */
class MessagesTest {
  @TempDir Path dir;

  @Test
  void aMistypedCommandIsNamedAndTheNearestOneSuggested() {
    Run run = Run.of("lnit", "site.json");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("unknown command 'lnit' (lint, rules, explain"), run.err());
    assertTrue(run.err().contains("Did you mean: lint?"), run.err());
    assertFalse(run.err().contains("Unmatched arguments"), run.err());
  }

  @Test
  void aRuleNameCutShortIsCompleted() {
    Run run = Run.of("explain", "implicit-tls");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("did you mean \"implicit-tls-port\"?"), run.err());
  }

  @Test
  void aMistypedOptionIsSuggestedOnce() {
    Run run = Run.of("lint", "--fixx", "site.json");
    assertEquals(2, run.code());
    assertEquals(1, run.err().split("--fix\\b", -1).length - 1, run.err());
    assertTrue(run.err().contains("Did you mean: --fix?"), run.err());
  }

  @Test
  void formatChoicesAreListedAsTheyAreTyped() {
    Run run = Run.of("lint", "--format", "yaml", "site.json");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("expected one of text, json, sarif, github, junit"), run.err());
  }

  private Path ports() throws Exception {
    Path file = dir.resolve("site.json");
    Files.writeString(
        file,
        """
            {"email.address": "a@acme.io", "email.smtp": {"host": "smtp.acme.io", "port": 465, \
            "authentication": "plain", "username": "u", "password": "${PW}"}}
            """);
    return file;
  }

  @Test
  void theSummarySaysWhichOptionFixesWhat() throws Exception {
    Run run = Run.of("lint", ports().toString());
    assertTrue(
        run.out().contains("; [*] 1 fixable with --fix (1 more with --fix --unsafe-fixes)"),
        run.out());
  }

  @Test
  void diffSaysWhatItWouldFixAndWhatRemains() throws Exception {
    Run run = Run.of("lint", "--diff", "--unsafe-fixes", ports().toString());
    assertEquals(1, run.code(), run.all());
    assertTrue(
        run.err().contains("would fix 2 problems in 1 file; 1 problem remains after the fixes"),
        run.err());
  }

  /** The fixer hook's line: it says what it fixed and leaves the report to the linter hook. */
  @Test
  void quietWithFailOnNeverPrintsNoReport() throws Exception {
    Path file = ports();
    Run run = Run.of("lint", "--fix", "--quiet", "--fail-on", "never", "--", file.toString());
    assertEquals(0, run.code(), run.all());
    assertEquals("", run.out());
    // by name: a --merge or siteConfig list's git-ignored member may be the file it fixed
    assertTrue(run.err().contains("fixed 1 problem in " + file), run.err());
  }

  /** An unreadable input is named in machine formats too, not only on standard error (item 4). */
  @Test
  void jsonAndSarifNameAnInputThatWasNotRead() throws Exception {
    String missing = dir.resolve("nosuch.json").toString();
    Run json = Run.of("lint", "--format", "json", missing);
    assertEquals(2, json.code());
    assertTrue(
        json.out().contains("\"inputErrors\":[\"" + missing + ": no such file\"]"), json.out());
    Run sarif = Run.of("lint", "--format", "sarif", missing);
    assertTrue(sarif.out().matches("(?s).*\"executionSuccessful\"\\s*:\\s*false.*"), sarif.out());
    assertTrue(sarif.out().contains(missing + ": no such file"), sarif.out());
    Run text = Run.of("lint", missing);
    assertEquals("", text.out(), "no empty summary after a fatal error");
  }
}
