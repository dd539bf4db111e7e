package dev.smtplint.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Reads JSONC as Sourcegraph accepts it ({@code //} and {@code /* *}{@code /} comments, trailing
 * commas) into a {@link JsonValue} tree in which every value knows its position and pointer.
 * Jackson does the tokenising; this class only builds the tree and notes duplicate keys.
 */
public final class JsoncReader {
  /** Limits chosen for site configs: generous for real files, fatal for hostile ones. */
  public static final int MAX_NESTING_DEPTH = 256;
  public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
  public static final int MAX_NUMBER_LENGTH = 100;
  public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(MAX_STRING_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .build())
          .build();

  private JsoncReader() {}

  public static ParsedConfig read(SourceFile source) {
    List<DuplicateKey> duplicates = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), source.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return failed(source, new SyntaxError("the file is empty; a site config is a JSON object", Position.START));
      }
      JsonValue root = new TreeBuilder(parser, duplicates).value("");
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        return failed(source, new SyntaxError(
            "unexpected content after the end of the top-level value", position(parser.currentTokenLocation())));
      }
      return new ParsedConfig(source, Optional.of(root), duplicates, Optional.empty());
    } catch (StreamConstraintsException e) {
      return failed(source, new SyntaxError(limitMessage(e), position(e.getLocation())));
    } catch (JacksonException e) {
      return failed(source, new SyntaxError(describe(e), position(e.getLocation())));
    }
  }

  private static ParsedConfig failed(SourceFile source, SyntaxError error) {
    return new ParsedConfig(source, Optional.empty(), List.of(), Optional.of(error));
  }

  private static Position position(TokenStreamLocation location) {
    if (location == null) {
      return Position.START;
    }
    return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  /** Jackson's own words, first line only and without its source excerpt. */
  private static String describe(JacksonException e) {
    String message = Optional.ofNullable(e.getOriginalMessage()).orElse("malformed JSON");
    int cut = message.indexOf('\n');
    message = cut >= 0 ? message.substring(0, cut) : message;
    return message.replace("Unexpected character", "unexpected character")
        .replace("Unexpected end-of-input", "unexpected end of file");
  }

  private static String limitMessage(StreamConstraintsException e) {
    String message = Optional.ofNullable(e.getOriginalMessage()).orElse("");
    String limit;
    if (message.contains("nesting depth")) {
      limit = "nesting deeper than " + MAX_NESTING_DEPTH + " levels";
    } else if (message.contains("Number value length") || message.contains("number")) {
      limit = "a number longer than " + MAX_NUMBER_LENGTH + " digits";
    } else if (message.contains("Document length")) {
      limit = "a document larger than " + (MAX_DOCUMENT_LENGTH >> 20) + " MiB";
    } else {
      limit = "a string longer than " + (MAX_STRING_LENGTH >> 20) + " MiB";
    }
    return "the file exceeds smtplint's input limit: " + limit;
  }

  /** Builds the tree from the parser's tokens, recursively; Jackson bounds the depth. */
  private static final class TreeBuilder {
    private final JsonParser parser;
    private final List<DuplicateKey> duplicates;

    TreeBuilder(JsonParser parser, List<DuplicateKey> duplicates) {
      this.parser = parser;
      this.duplicates = duplicates;
    }

    JsonValue value(String pointer) {
      Position at = position(parser.currentTokenLocation());
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> object(pointer, at);
        case START_ARRAY -> array(pointer, at);
        case VALUE_STRING -> new JsonValue.Str(pointer, at, parser.getString());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.Num(pointer, at, parser.getString());
        case VALUE_TRUE -> new JsonValue.Bool(pointer, at, true);
        case VALUE_FALSE -> new JsonValue.Bool(pointer, at, false);
        case VALUE_NULL -> new JsonValue.Null(pointer, at);
        default -> throw new IllegalStateException("unexpected token " + token);
      };
    }

    private JsonValue object(String pointer, Position at) {
      List<JsonValue.Member> members = new ArrayList<>();
      Map<String, Position> seen = new HashMap<>();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        Position keyAt = position(parser.currentTokenLocation());
        parser.nextToken();
        String childPointer = JsonValue.child(pointer, key);
        JsonValue child = value(childPointer);
        Position earlier = seen.put(key, keyAt);
        if (earlier != null) {
          duplicates.add(new DuplicateKey(childPointer, key, earlier, keyAt));
          members.removeIf(m -> m.key().equals(key));
        }
        members.add(new JsonValue.Member(key, keyAt, child));
      }
      return new JsonValue.Obj(pointer, at, members);
    }

    private JsonValue array(String pointer, Position at) {
      List<JsonValue> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(pointer + "/" + items.size()));
      }
      return new JsonValue.Arr(pointer, at, items);
    }
  }
}
