package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast decode (the JDK's, when it replaced nothing) gives exactly what the byte-by-byte,
 * Go-style one gives.
 */
class SourceLoaderTest {
  @Test
  void theFastPathAgreesWithGoStyleDecodingOnAnyBytes() {
    Random random = new Random(20261126);
    List<byte[]> inputs = new ArrayList<>();
    for (String s :
        List.of(
            "",
            "{}",
            """
            {"a": "é 中 😀"}""",
            "\uFFFD",
            "a\uFFFDb",
            "\uFEFF{}",
            "x\r\ny\rz\n")) {
      inputs.add(s.getBytes(StandardCharsets.UTF_8));
    }
    inputs.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    inputs.add(new byte[] {(byte) 0xEF, (byte) 0xBB});
    inputs.add(
        new byte[] {
          (byte) 0xED, (byte) 0xA0, (byte) 0x80
        }); // an encoded surrogate: not UTF-8 in Go or Java
    inputs.add(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}); // past U+10FFFF
    inputs.add(new byte[] {(byte) 0xC0, (byte) 0xAF}); // overlong
    for (int i = 0; i < 20_000; i++) {
      byte[] b;
      if (i % 3 == 0) {
        b = new byte[random.nextInt(40)];
        random.nextBytes(b);
      } else {
        StringBuilder s = new StringBuilder(i % 2 == 0 ? "\uFEFF" : "");
        for (int n = random.nextInt(20); n > 0; n--) {
          s.appendCodePoint(
              random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x80));
        }
        b = s.toString().getBytes(StandardCharsets.UTF_8);
        if (i % 5 == 0 && b.length > 0) {
          b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x80)); // one stray byte
        }
      }
      inputs.add(b);
    }
    int fast = 0;
    for (byte[] b : inputs) {
      SourceFile expected = SourceLoader.decodeByteByByte("t", b);
      SourceFile actual = SourceLoader.decode("t", b);
      assertEquals(expected.text(), actual.text());
      assertEquals(expected.badEncoding(), actual.badEncoding());
      assertEquals(expected.bom(), actual.bom());
      fast += expected.badEncoding().isEmpty() && expected.text().indexOf('\uFFFD') < 0 ? 1 : 0;
    }
    assertEquals(true, fast > 10_000, "most inputs took the fast path: " + fast);
  }
}
