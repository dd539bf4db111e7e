package dev.smtplint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema/ is what editors and other tools use as Sourcegraph's contract: every email.* property,
 * type, enum, format, default, required list and closed object must match Sourcegraph's own
 * site.schema.json (its facts are a fixture, with the commit they were read at). Where schema/ is
 * deliberately different, the difference is listed here with its reason; anything else fails.
 */
class SchemaFidelityTest {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final List<String> FACTS =
      List.of("type", "enum", "format", "default", "required", "additionalProperties");

  /** Deliberate differences: the path of the fact, and why. */
  private static final Map<String, String> DELIBERATE =
      Map.of(
          "/email.smtp/host minLength",
              "tighter: an empty host gives Sourcegraph nothing to connect to",
          "/email.smtp/port minimum", "tighter: no TCP port below 1",
          "/email.smtp/port maximum", "tighter: no TCP port above 65535",
          "/email.smtp/noVerifyTLS default",
              "documents Go's zero value (false), which is what an absent key means");

  @Test
  void theEmailSettingsMatchSourcegraphsSchema() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode ours =
        json.readTree(Files.readString(ROOT.resolve("schema/email-settings.schema.json")));
    JsonNode theirs =
        json.readTree(
            Files.readString(
                ROOT.resolve("src/test/resources/sourcegraph/site-schema-email-facts.json")));
    List<String> differences = new ArrayList<>();
    assertEquals(
        theirs.get("additionalProperties"),
        ours.get("additionalProperties"),
        "the root is open in both");
    for (String closing : List.of("patternProperties", "not", "propertyNames")) {
      assertTrue(
          !ours.has(closing),
          "the root of schema/ must not restrict other keys ("
              + closing
              + "): Sourcegraph saves unknown email.* keys");
    }
    assertEquals(
        new TreeSet<>(theirs.get("properties").propertyNames()),
        new TreeSet<>(ours.get("properties").propertyNames()));
    for (String name : theirs.get("properties").propertyNames()) {
      compare(
          "/" + name,
          resolve(ours, ours.get("properties").get(name)),
          resolve(theirs, theirs.get("properties").get(name)),
          ours,
          theirs,
          differences);
    }
    for (String d : differences) {
      assertTrue(
          DELIBERATE.containsKey(d),
          "schema/ differs from Sourcegraph's schema at "
              + d
              + " (not a listed deliberate difference)");
    }
    assertEquals(
        new TreeSet<>(DELIBERATE.keySet()),
        new TreeSet<>(differences),
        "every listed difference still exists");
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    JsonNode target = root;
    for (String token : ref.asString().substring(2).split("/")) {
      target = target.get(token);
    }
    return target;
  }

  private static void compare(
      String path,
      JsonNode ours,
      JsonNode theirs,
      JsonNode ourRoot,
      JsonNode theirRoot,
      List<String> out) {
    for (String fact : FACTS) {
      if (!String.valueOf(ours.get(fact)).equals(String.valueOf(theirs.get(fact)))) {
        out.add(path + " " + fact);
      }
    }
    for (String tighter :
        List.of("minLength", "minimum", "maximum", "pattern", "not", "patternProperties")) {
      if (ours.has(tighter) && !theirs.has(tighter)) {
        out.add(path + " " + tighter);
      }
    }
    JsonNode ourProps = ours.get("properties");
    JsonNode theirProps = theirs.get("properties");
    if (ourProps != null || theirProps != null) {
      assertEquals(
          theirProps == null ? null : new TreeSet<>(theirProps.propertyNames()),
          ourProps == null ? null : new TreeSet<>(ourProps.propertyNames()),
          path + ": the properties");
      for (String name : theirProps.propertyNames()) {
        compare(
            path + "/" + name,
            resolve(ourRoot, ourProps.get(name)),
            resolve(theirRoot, theirProps.get(name)),
            ourRoot,
            theirRoot,
            out);
      }
    }
    if (theirs.has("items") || ours.has("items")) {
      compare(
          path + "/items",
          resolve(ourRoot, ours.get("items")),
          resolve(theirRoot, theirs.get("items")),
          ourRoot,
          theirRoot,
          out);
    }
  }
}
