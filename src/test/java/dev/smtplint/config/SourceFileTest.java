package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lines are cut from offsets on demand; they must be exactly the lines a split at CRLF, CR or LF
 * gives.
 */
class SourceFileTest {

  @Test
  void linesAgreeWithASplitAtEveryLineEnd() {
    Random random = new Random(20261125);
    char[] alphabet = {'a', ' ', '\r', '\n', '"', '\u00e9'};
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = text.toString();
      SourceFile source = SourceFile.of("t", s);
      List<String> expected = split(s);
      assertEquals(
          expected,
          List.copyOf(source.lines()),
          () -> "lines of " + s.replace("\r", "\\r").replace("\n", "\\n"));
      for (int line = 1; line <= expected.size(); line++) {
        int start = source.lineStart(line);
        assertEquals(
            expected.get(line - 1), s.substring(start, start + expected.get(line - 1).length()));
        assertEquals(new Position(line, 1), source.positionOf(start));
      }
      assertEquals("", source.line(expected.size() + 1));
      assertEquals("", source.line(0));
    }
  }

  /** The reference: the split SourceFile used to keep, one string per line. */
  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }
}
