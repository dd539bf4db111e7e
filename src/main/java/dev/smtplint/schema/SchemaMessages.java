package dev.smtplint.schema;

import com.networknt.schema.Error;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.SecretKeys;
import dev.smtplint.config.Suggestions;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns a validator error into a sentence that names the setting, the value and what is allowed.
 */
final class SchemaMessages {
  private SchemaMessages() {}

  static String describe(
      String keyword,
      String at,
      String property,
      JsonValue value,
      Error error,
      List<String> siblings) {
    String setting = JsonValue.settingName(at);
    JsonNode schemaNode = error.getSchemaNode();
    // A username or password is never quoted, not even when it has the wrong type.
    String shownValue =
        isCredential(at) && value != null
            ? article(value.typeName()) + " (value not shown)"
            : shown(value);
    return switch (keyword) {
      case "type" -> setting + " must be " + article(typeName(schemaNode)) + ", not " + shownValue;
      case "enum" ->
          setting
              + " is "
              + shownValue
              + "; allowed values are "
              + enumValues(schemaNode)
              + " (case matters)";
      case "required" -> setting + " is missing the required property \"" + property + "\"";
      case "additionalProperties" ->
          setting
              + " has no property \""
              + property
              + "\""
              + suggestion(property, siblings)
              + "; Sourcegraph's schema rejects unknown keys here";
      case "minimum" ->
          setting + " is " + shownValue + "; the smallest allowed is " + schemaNode.asString();
      case "maximum" ->
          setting + " is " + shownValue + "; the largest allowed is " + schemaNode.asString();
      case "minLength" -> setting + " must not be empty";
      case "not", "false" ->
          "\""
              + lastToken(at)
              + "\" is not an email setting Sourcegraph reads"
              + " (known: email.address, email.senderName, email.smtp, email.templates)";
      default -> setting + ": " + error.getMessage();
    };
  }

  private static boolean isCredential(String pointer) {
    // Any key Go reads as one, or a misspelling of one: the same judgement as the masks' (SPEC
    // §10).
    for (String token : JsonValue.tokens(pointer)) {
      if (SecretKeys.isSecret(token)) {
        return true;
      }
    }
    return false;
  }

  private static String lastToken(String pointer) {
    List<String> tokens = JsonValue.tokens(pointer);
    return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
  }

  private static String typeName(JsonNode type) {
    return type == null ? "another type" : type.isString() ? type.asString() : type.toString();
  }

  private static String article(String type) {
    return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ")
        + type;
  }

  static String shown(JsonValue value) {
    if (value == null) {
      return "missing";
    }
    if (value instanceof JsonValue.Str s) {
      String text = s.value().length() > 60 ? s.value().substring(0, 57) + "..." : s.value();
      return "a string (\"" + text.replace("\n", "\\n").replace("\r", "\\r") + "\")";
    }
    if (value instanceof JsonValue.Num n) {
      return n.text().length() > 24 ? "a number" : n.text();
    }
    if (value instanceof JsonValue.Bool b) {
      return String.valueOf(b.value());
    }
    return value.typeName().equals("null") ? "null" : article(value.typeName());
  }

  private static String enumValues(JsonNode schemaNode) {
    JsonNode values = schemaNode == null ? null : schemaNode.get("enum");
    if (values == null) {
      return "those listed in the schema";
    }
    List<String> names = new ArrayList<>();
    for (JsonNode v : values) {
      names.add(v.asString());
    }
    return String.join(", ", names);
  }

  private static String suggestion(String property, List<String> allowed) {
    String best = Suggestions.closest(property, allowed).orElse(null);
    return best != null
        ? " (did you mean \"" + best + "\"?)"
        : allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")";
  }
}
