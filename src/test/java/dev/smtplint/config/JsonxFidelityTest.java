package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader agrees with Sourcegraph's JSONC parser, github.com/sourcegraph/jsonx (VS Code's JSON
 * scanner ported to Go; its isWhiteSpace and parseLiteral), then Go's encoding/json, where Jackson
 * alone would not: each case here failed before (JSONTestSuite and JSONC cases, issue #30 item 11).
 */
class JsonxFidelityTest {
  /** jsonx's whitespace beyond JSON's four. */
  private static final String JSONX_SPACES =
      "\u000B\u000C\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u200B\u202F\u205F\u3000\uFEFF";

  private static ParsedConfig read(String text) {
    return JsoncReader.read(SourceFile.of("t.json", text));
  }

  @Test
  void jsonxWhitespaceBetweenTokensLoadsAndKeepsPositions() {
    List<String> refused = new ArrayList<>();
    for (char c : JSONX_SPACES.toCharArray()) {
      ParsedConfig p = read("{\"email.address\":" + c + "\"a@b.io\"," + c + "\n  \"x\": 1}");
      if (p.error().isPresent()) {
        refused.add(String.format("U+%04X", (int) c));
        continue;
      }
      JsonValue.Obj root = (JsonValue.Obj) p.root().orElseThrow();
      assertEquals(new Position(1, 19), root.members().get(0).value().position());
      assertEquals(new Position(2, 3), root.members().get(1).keyPosition());
    }
    assertEquals(List.of(), refused, "jsonx reads these as whitespace");
  }

  @Test
  void thoseCharactersInsideAStringAreTheString() {
    ParsedConfig p = read("{\"email.senderName\": \"Acme\u00A0Sourcegraph\"} // \u00A0");
    JsonValue.Obj root = (JsonValue.Obj) p.root().orElseThrow();
    assertEquals("Acme\u00A0Sourcegraph", ((JsonValue.Str) root.members().get(0).value()).value());
  }

  @Test
  void lineAndParagraphSeparatorsAreLineBreaksBetweenTokensAndEndALineComment() {
    for (char sep : new char[] {'\u2028', '\u2029'}) {
      ParsedConfig p = read("{" + sep + "\"email.address\": \"a@b.io\"," + sep + "\"x\": 1}");
      assertTrue(p.error().isEmpty(), () -> p.error().toString());
      // VS Code's scanner (and so jsonx) ends a line comment at either: what follows is read.
      ParsedConfig c = read("{ // smtp is below" + sep + "\"email.address\": \"a@b.io\"\n}");
      JsonValue.Obj root = (JsonValue.Obj) c.root().orElseThrow();
      assertEquals(1, root.members().size(), "the key after the separator is read");
      assertEquals(new Position(1, 20), root.members().get(0).keyPosition());
    }
    // Inside a string they are the string, as in jsonx's scanner test.
    ParsedConfig s = read("{\"email.senderName\": \"a\u2028b\"}");
    JsonValue.Obj root = (JsonValue.Obj) s.root().orElseThrow();
    assertEquals("a\u2028b", ((JsonValue.Str) root.members().get(0).value()).value());
  }

  @Test
  void otherUnicodeSpacesAndBareControlCharactersAreStillRefused() {
    assertTrue(read("{\"a\":\u0085 1}").error().isPresent());
    assertTrue(read("{\"a\":\u0001 1}").error().isPresent());
  }

  @Test
  void aNumberBeyondFloat64IsRefusedWhereverItIs() {
    for (String text :
        List.of(
            "{\"x\": 1e999}",
            "{\"x\": -1e999}",
            "{\"x\": {\"y\": [1, 2E400]}}",
            "{\"email.smtp\": {\"port\": 1e309}}")) {
      String error = read(text).error().map(SyntaxError::message).orElse("(loaded)");
      assertTrue(error.contains("beyond the range of Go's float64"), text + ": " + error);
    }
    assertTrue(read("{\"x\": 1.7976931348623157e308, \"y\": 1e-999}").error().isEmpty());
  }

  @Test
  void aLoneSurrogateEscapeIsWhatGoDecodesItTo() {
    JsonValue.Obj root =
        (JsonValue.Obj)
            read("{\"\\uDC00\": 1, \"a\\uD800b\": 2, \"\\uD83D\\uDE00\": 3}").root().orElseThrow();
    assertEquals("\uFFFD", root.members().get(0).key());
    assertEquals("a\uFFFDb", root.members().get(1).key());
    assertEquals("\uD83D\uDE00", root.members().get(2).key());
  }

  @Test
  void nestingLoadsAsDeepAsGoDecodes() {
    String deep = "{\"x\": " + "[".repeat(9_998) + "]".repeat(9_998) + "}";
    assertTrue(read(deep).error().isEmpty(), "9,999 levels load in Sourcegraph");
    String email = "{\"email.templates\": " + "[".repeat(9_998) + "]".repeat(9_998) + "}";
    assertTrue(JsoncReader.readSiteConfig(SourceFile.of("t.json", email)).error().isEmpty());
    String deeper = "{\"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertTrue(read(deeper).error().orElseThrow().message().contains("nesting deeper than 10000"));
  }
}
