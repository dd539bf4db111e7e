package dev.smtplint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
