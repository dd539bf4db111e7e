package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing from the input acts on a terminal or a CI log; no input makes output slow; the same input
 * gives the same bytes.
 */
class OutputTrustTest {
  private static final java.util.List<String> FORMATS = Run.FORMATS;
  @TempDir Path dir;

  /**
   * ESC, BEL, CSI (C1), a bidi override, DEL, a line separator; a line break can forge a finding
   * line.
   */
  private static boolean hasRawControl(String text) {
    return text.chars()
        .anyMatch(
            c ->
                c == 0x1B
                    || c == 0x07
                    || c == 0x9B
                    || c == 0x85
                    || c == 0x202E
                    || c == 0x7F
                    || c == 0x2028);
  }

  @Test
  void fileNamesAndValuesCannotActOnTheTerminalOrTheLog() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("configs"));
    String name =
        "evil\u001b[31m\u0007\nforged.json:1:1: error [auth-unknown] fake\u009b2J\u202e.json";
    Path file = sub.resolve(name);
    Files.writeString(
        file,
        """
            {"email.address": "a@acme.io", "email.senderName": "x\u001b]0;owned\u0007\u009b\u0085\u2028\u202e\u007f", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "plain"}}""");
    for (String format : FORMATS) {
      for (String arg : new String[] {file.toString(), sub.toString()}) {
        Run run = Run.withInput("", Map.of(), "lint", "--format", format, arg);
        assertEquals(1, run.code(), run.all());
        assertFalse(hasRawControl(run.all()), format + ": " + run.all());
        assertFalse(
            run.out().contains("\nforged.json"),
            format + ": a file name forged a line:\n" + run.out());
      }
    }
    Run missing = Run.of("lint", dir.resolve("gone\u001b[2J\nx.json").toString());
    assertEquals(2, missing.code());
    assertFalse(hasRawControl(missing.err()) || missing.err().contains("\nx.json"), missing.err());
  }

  @Test
  void githubCommandsEscapeDataAndProperties() throws Exception {
    Path file = dir.resolve("a,b:c%d.json");
    Files.writeString(
        file,
        """
            {"email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "pl%ai\
            n"}}""");
    Run run = Run.of("lint", "--format", "github", file.toString());
    assertTrue(
        run.out()
            .contains(
                "file="
                    + dir.toString().replace(":", "%3A").replace(",", "%2C")
                    + "/a%2Cb%3Ac%25d.json,"),
        run.out());
    assertTrue(run.out().lines().allMatch(l -> l.startsWith("::")), run.out());
  }

  @Test
  void thirtyThousandFindingsOnOneLongLineStayFastInEveryFormat() throws Exception {
    StringBuilder line = new StringBuilder("{\"email.address\": \"a@acme.io\"");
    for (int i = 0; i < 30_000; i++) {
      line.append(",\"email.x\":1");
    }
    Path file = dir.resolve("long.json");
    Files.writeString(file, line.append("}\n").toString());
    for (String format : FORMATS) {
      long start = System.nanoTime();
      Run run =
          Run.of(
              "lint",
              "--format",
              format,
              "-o",
              dir.resolve("out." + format).toString(),
              file.toString());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(run.code() <= 1, run.all());
      assertTrue(ms < 10_000, format + " took " + ms + " ms");
    }
    String text = Files.readString(dir.resolve("out.text"));
    assertTrue(text.lines().filter(l -> l.contains("[duplicate-key]")).count() >= 29_999);
    assertTrue(text.lines().allMatch(l -> l.length() < 2_400), "source lines are cut to a window");
  }

  @Test
  void hugeSuppressionListsAndRuleNamesStayFast() throws Exception {
    StringBuilder names = new StringBuilder("// smtplint-disable ");
    for (int i = 0; names.length() < 200_000; i++) {
      names.append("no-such-rule-").append(i).append(", ");
    }
    Path file = dir.resolve("suppressed.jsonc");
    Files.writeString(file, names + "\n{\"email.address\": \"a@acme.io\"}\n");
    long start = System.nanoTime();
    Run run =
        Run.of(
            "lint", "--format", "text", "-o", dir.resolve("out.txt").toString(), file.toString());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "suppressions took too long");
    assertEquals(0, run.code(), run.all());

    Path settings = dir.resolve(".smtplint.json");
    Files.writeString(settings, "{\"disable\": [\"" + "x".repeat(4 * 1024 * 1024) + "\"]}");
    start = System.nanoTime();
    Run big =
        Run.of(
            "lint",
            "--config",
            settings.toString(),
            "-o",
            dir.resolve("out2.txt").toString(),
            file.toString());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "a 4 MB rule name took too long");
    assertTrue(big.code() <= 2, big.all());
    assertTrue(big.all().length() < 10_000, "the name is not echoed whole: " + big.all().length());
  }

  /**
   * A set's iteration order is fixed within one JVM (so in-process runs agree) but salted per JVM:
   * the same input must give the same bytes across processes, and a suggestion must not depend on
   * the order candidates come in.
   */
  @Test
  void theSameInputGivesTheSameBytes() throws Exception {
    Path file = dir.resolve("ses.json");
    Files.writeString(
        file,
        """
            {"email.address": "a@acme.io", "email.smtp": {"host": "email-smtp.us-eest-1.amazonaws.com", "port": 587, "authentication": "PLAIN", "username": "AKIAIOSFODNN7EXAMPLE", "password": "<x>"}}""");
    for (String format : FORMATS) {
      String first = Run.of("lint", "--format", format, file.toString()).out();
      assertTrue(format.equals("junit") || first.contains("us-east-1"), first);
      assertEquals(first, Run.of("lint", "--format", format, file.toString()).out(), format);
    }
    String first = Run.of("lint", "--format", "json", file.toString()).out();
    for (int i = 0; i < 6; i++) {
      assertEquals(
          first,
          Forked.run(
                  dir, Map.of(), java.util.List.of(), "lint", "--format", "json", file.toString())
              .out());
    }
    var east = new java.util.LinkedHashSet<>(java.util.List.of("us-east-1", "us-west-1"));
    var west = new java.util.LinkedHashSet<>(java.util.List.of("us-west-1", "us-east-1"));
    assertEquals(
        dev.smtplint.config.Suggestions.closest("us-eest-1", east),
        dev.smtplint.config.Suggestions.closest("us-eest-1", west));
  }
}
