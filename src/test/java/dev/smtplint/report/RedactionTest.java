package dev.smtplint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void controlCharactersAreEscapedWhereverTheyStand() {
    assertEquals("\\u001b[31mred", Redaction.printable("\u001b[31mred"));
    assertEquals("a\\u000ab\tc\\u202e", Redaction.printable("a\nb\tc\u202E"));
    assertEquals("x\\u0085\\u2028\\u2069y", Redaction.printable("x\u0085\u2028\u2069y"));
  }

  @Test
  void aTextWithNothingToEscapeIsReturnedAsItIs() {
    String text = "port 465 expects TLS on connect — use 587";
    assertSame(text, Redaction.printable(text));
  }

  /**
   * A Secret's value is masked whole; a finding in it points at a column the mask hides. The line
   * keeps its indentation, and the excerpt says the column lies inside the mask (#40: "column 21
   * with the caret at 5").
   */
  @Test
  void aColumnInsideAMaskIsSaidToBeThere() {
    String text = "stringData:\n  site.json: |\n    {\"port\": 465, \"password\": \"pw\"}\n";
    SourceFile source = SourceFile.of("s.yaml", text);
    int valueStart = text.indexOf("|");
    List<Span> masked = List.of(new Span(valueStart, text.length() - 1));
    Redaction.Excerpt inside = Redaction.window(source, masked, 3, 14, 17, 100);
    assertEquals("    ********", inside.text());
    assertEquals(4, inside.caret());
    assertTrue(inside.caretMasked());
    assertFalse(inside.text().contains("465"));

    // a password's own mask starts where its token does: the caret is exact
    int pw = text.indexOf("\"pw\"");
    List<Span> password = List.of(new Span(pw, pw + 4));
    Redaction.Excerpt at =
        Redaction.window(source, password, 3, pw - source.lineStart(3) + 1, 0, 100);
    assertEquals("    {\"port\": 465, \"password\": ********}", at.text());
    assertFalse(at.caretMasked());
  }
}
