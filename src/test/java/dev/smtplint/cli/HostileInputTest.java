package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs of any size and shape end in a finding or an exit-2 message, never a stack trace. */
class HostileInputTest {
  @TempDir Path dir;

  private Run lint(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    Run run = Run.of("lint", file.toString());
    assertFalse(
        run.all().contains("Exception")
            || run.all().contains("\tat ")
            || run.all().contains("internal error"),
        run.all());
    return run;
  }

  private Run lint(String name, String content) throws Exception {
    return lint(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void finding(Run run, String rule, String words) {
    assertEquals(1, run.code(), run.all());
    assertTrue(run.out().contains("[" + rule + "]") && run.out().contains(words), run.out());
  }

  @Test
  void deepNestingOfArraysAndObjects() throws Exception {
    finding(
        lint("arrays.json", "[".repeat(200_000) + "]".repeat(200_000)),
        "invalid-json",
        "nesting deeper than 10000 levels");
    finding(
        lint("objects.json", "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000)),
        "invalid-json",
        "nesting deeper than 10000 levels");
  }

  @Test
  void aThirtyMegabyteString() throws Exception {
    String big = "{\"email.senderName\": \"" + "x".repeat(30 * 1024 * 1024) + "\"}";
    finding(lint("string.json", big), "invalid-json", "a string longer than 16 MiB");
  }

  @Test
  void halfAMillionKeys() throws Exception {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < 500_000; i++) {
      b.append("\"k").append(i).append("\":").append(i).append(',');
    }
    Run run = lint("keys.json", b.append("\"email.address\":\"a@acme.io\"}").toString());
    assertEquals(0, run.code(), run.all());
    assertTrue(run.out().contains("[from-without-smtp]"));
  }

  @Test
  void encodingsAndBinary() throws Exception {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    Run binary = lint("random.bin.json", random);
    finding(binary, "invalid-encoding", "not UTF-8");
    assertTrue(binary.out().contains("[invalid-json] "), binary.out());
    finding(
        lint("utf16.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_16)),
        "invalid-encoding",
        "not UTF-8");
    finding(
        lint("latin1.json", "{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)),
        "invalid-encoding",
        ":1:7:");
    finding(
        lint(
            "nul.json",
            """
            {"email.address": "a\u0000@acme.io"}"""),
        "invalid-json",
        "control character inside a string");
  }

  @Test
  void brokenAndOddDocuments() throws Exception {
    finding(
        lint("comment.json", "{ /* never closed"),
        "invalid-json",
        "unexpected end of file inside a comment");
    finding(lint("empty.json", ""), "invalid-json", "the file is empty");
    finding(lint("null.json", "null"), "schema-violation", "holds null");
    finding(lint("number.json", "42"), "schema-violation", "holds integer");
    finding(lint("array.json", "[]"), "schema-violation", "holds array");
  }

  @Test
  void numbersLargerThanAnyIntegerType() throws Exception {
    for (String port : new String[] {"99999999999999999999999999", "-1e-999999", "65536.0"}) {
      Run run =
          lint(
              "port.json",
              "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"mail.acme.io\", \"port\": "
                  + port
                  + ", \"authentication\": \"none\"}}");
      finding(run, "number-not-integer", "which Go cannot decode into an int");
      assertFalse(
          run.out().contains("[schema-violation]") || run.out().contains("[port-nonstandard]"),
          run.out());
    }
    // Past float64's range, jsonx (Sourcegraph's JSONC parser) refuses the whole file.
    finding(
        lint(
            "overflow.json",
            "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"mail.acme.io\", \"port\": 1e999999}}"),
        "invalid-json",
        "beyond the range of Go's float64");
    finding(
        lint("digits.json", "{\"n\": " + "9".repeat(1000) + "}"),
        "invalid-json",
        "a number longer than 100 digits");
  }

  @Test
  void aFileLargerThanTheDocumentLimitIsExitTwo() throws Exception {
    Path file = dir.resolve("huge.json");
    try (var out = Files.newOutputStream(file)) {
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < 65; i++) {
        out.write(chunk);
      }
    }
    Run run = Run.of("lint", file.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("larger than smtplint's input limit of 64 MiB"), run.err());
  }
}
