package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A file that decoded as ASCII takes short ways through the scans (SourceFile.knownAscii): each
 * gives what the long way gives.
 */
class AsciiPathsTest {
  @Test
  void decodingKnowsAsciiOnlyWhenEveryByteIsAscii() {
    assertTrue(decoded("{\"a\": \"b\"}").knownAscii());
    assertFalse(decoded("{\"a\": \"caf\u00e9\"}").knownAscii());
    assertFalse(decoded("{\"a\": \"\u2028\"}").knownAscii());
    assertFalse(SourceLoader.decode("x", new byte[] {'{', (byte) 0xff, '}'}).knownAscii());
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
    assertTrue(SourceLoader.decode("x", bom).knownAscii());
    assertFalse(SourceFile.of("x", "{}").knownAscii(), "nobody looked");
  }

  @Test
  void theShortWaysGiveWhatTheLongWaysGive() {
    Random random = new Random(3);
    String[] pieces = {
      "\"password\"",
      "PassWord",
      "USERNAME",
      "passwd",
      "pwd",
      "SECRET",
      ":",
      " ",
      "\n",
      "\"x\"",
      "{",
      "}",
      "[",
      "]",
      ",",
      "\\",
      "\\u0041",
      "\u000B",
      "\f",
      "// c",
      "/* c */",
      "'",
      "hunter2"
    };
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(14); n > 0; n--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      assertEquals(JsonxText.forJackson(text, false), JsonxText.forJackson(text, true), text);
    }
  }

  private static SourceFile decoded(String text) {
    return SourceLoader.decode("x", text.getBytes(StandardCharsets.UTF_8));
  }
}
