package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsoncReaderTest {
  private static ParsedConfig read(String text) {
    return JsoncReader.read(SourceFile.of("t.json", text));
  }

  @Test
  void everyValueKnowsItsLineColumnAndPointer() {
    ParsedConfig p =
        read("{\n  // c\n  \"email.smtp\": { /* x */ \"port\": 587, \"a/b~\": [true, null], },\n}");
    JsonValue.Obj root = (JsonValue.Obj) p.root().orElseThrow();
    JsonValue.Obj smtp = (JsonValue.Obj) root.get("email.smtp").orElseThrow();
    assertEquals(new Position(3, 17), smtp.position());
    JsonValue port = smtp.get("port").orElseThrow();
    assertEquals(new Position(3, 35), port.position());
    assertEquals("/email.smtp/port", port.pointer());
    JsonValue.Arr arr = (JsonValue.Arr) smtp.get("a/b~").orElseThrow();
    assertEquals("/email.smtp/a~1b~0/1", arr.items().get(1).pointer());
    assertEquals(new Position(3, 3), root.member("email.smtp").orElseThrow().keyPosition());
  }

  @Test
  void crlfAndBomKeepPositionsRight() throws Exception {
    byte[] bytes =
        "\uFEFF{\r\n\"email.address\":\r\n  \"a@b.io\"}".getBytes(StandardCharsets.UTF_8);
    SourceFile source = SourceLoader.decode("t.json", bytes);
    JsonValue.Obj root = (JsonValue.Obj) JsoncReader.read(source).root().orElseThrow();
    assertEquals(new Position(3, 3), root.get("email.address").orElseThrow().position());
    assertEquals("  \"a@b.io\"}", source.line(3));
  }

  @Test
  void duplicateKeysAreRecordedAndTheLastWins() {
    ParsedConfig p =
        read(
            """
        {"a": 1,
         "a": 2}""");
    assertEquals(1, p.duplicates().size());
    assertEquals(new Position(1, 2), p.duplicates().get(0).first());
    assertEquals(new Position(2, 2), p.duplicates().get(0).second());
    assertEquals(
        "2",
        ((JsonValue.Num) ((JsonValue.Obj) p.root().orElseThrow()).get("a").orElseThrow()).text());
  }

  @Test
  void syntaxErrorsPointAtTheFault() {
    SyntaxError e = read("{\n  \"a\": 1\n  \"b\": 2\n}").error().orElseThrow();
    assertEquals(new Position(3, 3), e.position());
    assertEquals("expected , or } after a value in an object", e.message());
    assertEquals(
        "the file is empty; a site config is a JSON object",
        read("  \n").error().orElseThrow().message());
    assertTrue(read("{\"a\": 1} x").error().isPresent());
    assertTrue(read("/* unterminated").error().isPresent());
  }

  @Test
  void limitsEndInAFindingThatNamesTheLimit() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    SyntaxError e = read(deep).error().orElseThrow();
    assertEquals(
        "the file exceeds smtplint's input limit: nesting deeper than 10000 levels"
            + " (Sourcegraph's Go decoder stops there too)",
        e.message());
    String bigNumber = "{\"p\": " + "9".repeat(1000) + "}";
    assertTrue(
        read(bigNumber)
            .error()
            .orElseThrow()
            .message()
            .contains("a number longer than 100 digits"));
  }
}
