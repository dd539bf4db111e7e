package dev.smtplint.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Reads JSONC as Sourcegraph accepts it ({@code //} and {@code /* *}{@code /} comments, trailing
 * commas) into a {@link JsonValue} tree in which every value knows its position and pointer.
 * Jackson does the tokenising; this class only builds the tree and notes duplicate keys.
 */
public final class JsoncReader {
  /**
   * Limits chosen for site configs: generous for real files, fatal for hostile ones. The nesting
   * limit is Go's encoding/json's (Sourcegraph decodes with it, so a deeper file never loads).
   */
  public static final int MAX_NESTING_DEPTH = 10_000;

  public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
  public static final int MAX_NUMBER_LENGTH = 100;
  public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
          // Buffers kept per thread: the default pool, a lock-free deque, costs more to warm up
          // (its
          // VarHandle paths) than it saves on a batch.
          .recyclerPool(JsonRecyclerPools.threadLocalPool())
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
    return read(source, false);
  }

  /**
   * A site config as the linter needs it: objects and arrays under a top-level key that is not an
   * {@code email.*} setting (in any case) are parsed, so a syntax error anywhere is found as
   * before, but not built: they stand as empty, located containers. Nothing reads inside them
   * (duplicates are reported under email.* only), except the mask of "sensitive" header values, so
   * a file that spells "sensitive" anywhere, or has a \\u escape that could spell it, is built
   * whole.
   */
  public static ParsedConfig readSiteConfig(SourceFile source) {
    String text = source.text();
    return read(source, text.indexOf("sensitive") < 0 && text.indexOf("\\u") < 0);
  }

  private static ParsedConfig read(SourceFile source, boolean skipOutsideEmail) {
    String text = JsonxText.forJackson(source.text(), source.knownAscii());
    try {
      return read(source, text, false, skipOutsideEmail);
    } catch (TooDeep e) {
      // Sourcegraph loads up to 10,000 levels: the recursive tree needs more than a default stack.
      return DeepStack.run(
          source.path(),
          new Supplier<>() {
            @Override
            public ParsedConfig get() {
              return read(source, text, true, skipOutsideEmail);
            }
          });
    }
  }

  private static ParsedConfig read(
      SourceFile source, String text, boolean deepStack, boolean skipOutsideEmail) {
    List<DuplicateKey> duplicates = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return failed(
            source,
            new SyntaxError("the file is empty; a site config is a JSON object", Position.START));
      }
      TreeBuilder builder =
          new TreeBuilder(parser, duplicates, source.text(), skipOutsideEmail, deepStack);
      JsonValue root = builder.value("");
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        return failed(
            source,
            new SyntaxError(
                "unexpected content after the end of the top-level value",
                position(parser.currentTokenLocation())));
      }
      return new ParsedConfig(
          source, Optional.of(root), duplicates, Optional.empty(), builder.deepest);
    } catch (NumberOutOfRange e) {
      return failed(source, new SyntaxError(e.getMessage(), e.at));
    } catch (StreamConstraintsException e) {
      return failed(source, new SyntaxError(limitMessage(e), position(e.getLocation())));
    } catch (JacksonException e) {
      return failed(source, new SyntaxError(describe(e), position(e.getLocation())));
    }
  }

  private static ParsedConfig failed(SourceFile source, SyntaxError error) {
    return new ParsedConfig(source, Optional.empty(), List.of(), Optional.of(error), 0);
  }

  private static Position position(TokenStreamLocation location) {
    if (location == null) {
      return Position.START;
    }
    return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  /**
   * What is wrong, in smtplint's words: Jackson's messages quote the offending token, which may be
   * the password, so only the kind of fault is taken from them, never their text.
   */
  static String describe(JacksonException e) {
    String m = Optional.ofNullable(e.getOriginalMessage()).orElse("");
    if (m.startsWith("Unexpected end-of-input")) {
      return m.contains("comment")
          ? "unexpected end of file inside a comment: close it with */"
          : m.contains("VALUE_STRING") || m.contains("String value")
              ? "unexpected end of file inside a string: close it with \""
              : "unexpected end of file: a closing } or ] is missing";
    }
    if (m.startsWith("Unrecognized token")) {
      return "a bare word where a value belongs: strings need double quotes; the literals are true, false and null";
    }
    if (m.startsWith("Illegal unquoted character")) {
      return "a line break or other control character inside a string: a string ends on its own line, "
          + "and control characters must be escaped (\\n)";
    }
    if (m.startsWith("Unrecognized character escape")) {
      return "an invalid escape sequence in a string (JSON has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX)";
    }
    if (m.contains("double-quote to start field name")) {
      return "expected a key in double quotes (single quotes and bare keys are not JSON)";
    }
    if (m.contains("comma to separate Object entries")) {
      return "expected , or } after a value in an object";
    }
    if (m.contains("comma to separate Array entries")) {
      return "expected , or ] after a value in an array";
    }
    if (m.contains("was expecting a colon")) {
      return "expected : after a key";
    }
    if (m.contains("expected a valid value") || m.contains("expected a value")) {
      return "expected a value: a string in double quotes, a number, an object, an array, true, false or null";
    }
    if (m.contains("numeric value")
        || m.contains("Leading zero")
        || m.contains("Non-standard token")) {
      return "a malformed number (JSON numbers have no leading zeros, no + sign, no NaN or Infinity)";
    }
    if (m.startsWith("Unexpected character") || m.startsWith("Unexpected close marker")) {
      return "unexpected character: this is not where JSON allows it";
    }
    return "malformed JSON";
  }

  private static String limitMessage(StreamConstraintsException e) {
    String message = Optional.ofNullable(e.getOriginalMessage()).orElse("");
    String limit;
    if (message.contains("nesting depth")) {
      limit =
          "nesting deeper than "
              + MAX_NESTING_DEPTH
              + " levels (Sourcegraph's Go decoder stops there too)";
    } else if (message.contains("Number value length") || message.contains("number")) {
      limit = "a number longer than " + MAX_NUMBER_LENGTH + " digits";
    } else if (message.contains("Document length")) {
      limit = "a document larger than " + (MAX_DOCUMENT_LENGTH >> 20) + " MiB";
    } else {
      limit = "a string longer than " + (MAX_STRING_LENGTH >> 20) + " MiB";
    }
    return "the file exceeds smtplint's input limit: " + limit;
  }

  /** The tree nests past what a default stack holds: read again on a deep one. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(null, null, false, false);
    }
  }

  /** A number Go cannot hold: the file does not load in Sourcegraph. */
  private static final class NumberOutOfRange extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Position at;

    NumberOutOfRange(Position at) {
      super(
          "a number beyond the range of Go's float64 (such as 1e999): Sourcegraph's JSONC parser "
              + "refuses the file",
          null,
          false,
          false);
      this.at = at;
    }
  }

  /** Builds the tree from the parser's tokens, recursively; Jackson bounds the depth. */
  private static final class TreeBuilder {
    private final JsonParser parser;
    private final List<DuplicateKey> duplicates;
    private final String text;
    private final boolean skipOutsideEmail;
    private final boolean deepStack;
    private int depth;
    private int deepest;

    TreeBuilder(
        JsonParser parser,
        List<DuplicateKey> duplicates,
        String text,
        boolean skipOutsideEmail,
        boolean deepStack) {
      this.parser = parser;
      this.duplicates = duplicates;
      this.text = text;
      this.skipOutsideEmail = skipOutsideEmail;
      this.deepStack = deepStack;
    }

    /** One level down: past {@link ParsedConfig#SHALLOW}, only on a deep stack. */
    private void descend() {
      deepest = Math.max(deepest, ++depth);
      if (depth > ParsedConfig.SHALLOW && !deepStack) {
        throw new TooDeep();
      }
    }

    /**
     * A top-level key any reader of the settings could take as email.* (ASCII case folded, or
     * Locale.ROOT's).
     */
    private static boolean mayBeEmail(String key) {
      return key.regionMatches(true, 0, "email.", 0, 6)
          || key.toLowerCase(Locale.ROOT).startsWith("email.");
    }

    /**
     * An object or array read to its end but not built: empty, with its place, pointer and span.
     */
    private JsonValue skipped(String pointer) {
      TokenStreamLocation start = parser.currentTokenLocation();
      Position at = position(start);
      boolean object = parser.currentToken() == JsonToken.START_OBJECT;
      // Read to the end, not skipped: jsonx refuses a number out of float64's range anywhere.
      int depth = 1;
      while (depth > 0) {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
          requireFloat64(parser.getString());
        }
      }
      TokenStreamLocation now = parser.currentLocation();
      return object
          ? new JsonValue.Obj(pointer, at, position(now), span(start, now), List.of())
          : new JsonValue.Arr(pointer, at, position(now), span(start, now), List.of());
    }

    JsonValue value(String pointer) {
      TokenStreamLocation start = parser.currentTokenLocation();
      Position at = position(start);
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        descend();
        JsonValue container =
            token == JsonToken.START_OBJECT
                ? object(pointer, at, start)
                : array(pointer, at, start);
        depth--;
        return container;
      }
      String text =
          token == JsonToken.VALUE_STRING
                  || token == JsonToken.VALUE_NUMBER_INT
                  || token == JsonToken.VALUE_NUMBER_FLOAT
              ? parser.getString()
              : null;
      // Where the parser stands now, just past the scalar: its end and its span's end (one location
      // for both).
      TokenStreamLocation now = parser.currentLocation();
      Position end = position(now);
      Span span = span(start, now);
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        requireFloat64(text);
      }
      return switch (token) {
        case VALUE_STRING -> new JsonValue.Str(pointer, at, end, span, text);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
            new JsonValue.Num(pointer, at, end, span, text);
        case VALUE_TRUE -> new JsonValue.Bool(pointer, at, end, span, true);
        case VALUE_FALSE -> new JsonValue.Bool(pointer, at, end, span, false);
        case VALUE_NULL -> new JsonValue.Null(pointer, at, end, span);
        default -> throw new IllegalStateException("unexpected token " + token);
      };
    }

    /**
     * jsonx parses every number with Go's strconv.ParseFloat and refuses the file when one is
     * beyond float64's range (1e999): "failed to parse JSON" at load. Jackson keeps it; this
     * refuses it.
     */
    private void requireFloat64(String number) {
      if (Double.isInfinite(Double.parseDouble(number))) {
        throw new NumberOutOfRange(position(parser.currentTokenLocation()));
      }
    }

    /** Where the parser stands now, just past the value it read. */
    private Position end() {
      return position(parser.currentLocation());
    }

    /** Just past a key that starts at {@code offset}: its closing quote, escapes skipped. */
    private Position keyEnd(Position keyAt, long offset) {
      int i = (int) offset;
      if (i < 0 || i >= text.length() || text.charAt(i) != '"') {
        return keyAt;
      }
      int j = i + 1;
      while (j < text.length() && text.charAt(j) != '"') {
        j += text.charAt(j) == '\\' ? 2 : 1;
      }
      return new Position(keyAt.line(), keyAt.column() + Math.min(j, text.length() - 1) + 1 - i);
    }

    /**
     * From the token that started at {@code start} to where the parser stands now, just past the
     * value.
     */
    private Span span(TokenStreamLocation start) {
      return span(start, parser.currentLocation());
    }

    private static Span span(TokenStreamLocation start, TokenStreamLocation now) {
      long from = Math.max(0, start.getCharOffset());
      long to = Math.max(from, now.getCharOffset());
      return new Span((int) from, (int) to);
    }

    /**
     * Up to this many members, a repeated key is found by a scan (cheaper than a map for the usual
     * small object).
     */
    private static final int SCAN_AT_MOST = 16;

    private JsonValue object(String pointer, Position at, TokenStreamLocation start) {
      List<JsonValue.Member> members = new ArrayList<>();
      // Keys seen so far: a scan of members while the object is small, a map once it is not.
      Map<String, JsonValue.Member> seen = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        TokenStreamLocation keyLocation = parser.currentTokenLocation();
        Position keyAt = position(keyLocation);
        Position keyEnd = keyEnd(keyAt, keyLocation.getCharOffset());
        parser.nextToken();
        String childPointer = JsonValue.child(pointer, key);
        JsonToken token = parser.currentToken();
        JsonValue child =
            skipOutsideEmail
                    && pointer.isEmpty()
                    && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
                    && !mayBeEmail(key)
                ? skipped(childPointer)
                : value(childPointer);
        JsonValue.Member member = new JsonValue.Member(key, keyAt, keyEnd, child);
        if (seen == null && members.size() >= SCAN_AT_MOST) {
          seen = new HashMap<>();
          for (JsonValue.Member m : members) {
            seen.put(m.key(), m);
          }
        }
        JsonValue.Member before = null;
        if (seen != null) {
          before = seen.put(key, member);
        } else {
          for (int i = 0; i < members.size() && before == null; i++) {
            before = members.get(i).key().equals(key) ? members.get(i) : null;
          }
        }
        if (before != null) {
          // The earlier member gives way (the last one wins, as in Go); the others keep their
          // order.
          int index = 0;
          while (members.get(index) != before) {
            index++;
          }
          members.remove(index);
          duplicates.add(
              new DuplicateKey(childPointer, key, before.keyPosition(), keyAt, before, member));
        }
        members.add(member);
      }
      return new JsonValue.Obj(pointer, at, end(), span(start), members);
    }

    private JsonValue array(String pointer, Position at, TokenStreamLocation start) {
      List<JsonValue> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(pointer + "/" + items.size()));
      }
      return new JsonValue.Arr(pointer, at, end(), span(start), items);
    }
  }
}
