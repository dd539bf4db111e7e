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

  /** A fix's byte offsets: an ASCII file's are its character offsets (after a BOM's 3 bytes). */
  @Test
  void byteOffsetsOfAnAsciiFileAreItsCharacterOffsets() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'a', '"', ':', '1', '}'};
    SourceFile ascii = SourceLoader.decode("x", bom);
    SourceFile same = SourceFile.of("x", ascii.text(), ascii.badEncoding(), true, false);
    int[] at = {0, 3, 5, 5, 99};
    for (SourceFile f : new SourceFile[] {ascii, same}) {
      SourceFile.ByteOffsets b = f.byteOffsets(at);
      assertEquals(3, b.of(0));
      assertEquals(6, b.of(3));
      assertEquals(8, b.of(5));
      assertEquals(3 + ascii.text().length(), b.of(99), "past the end: the end");
    }
    assertTrue(ascii.knownAscii());
    assertFalse(same.knownAscii(), "the long way, for comparison");
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
