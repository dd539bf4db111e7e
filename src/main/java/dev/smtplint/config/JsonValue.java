package dev.smtplint.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSONC value that knows where it stands: its JSON Pointer, the position of its first character
 * and just past its last, and its span in the source text, as the reader located it.
 */
public sealed interface JsonValue
    permits JsonValue.Obj,
        JsonValue.Arr,
        JsonValue.Str,
        JsonValue.Num,
        JsonValue.Bool,
        JsonValue.Null {

  String pointer();

  Position position();

  /** Just past the value's last character: where a caret's underline or a SARIF region ends. */
  Position end();

  Span span();

  /** The JSON type name a user reads in a message. */
  String typeName();

  /** A key and its value; the key's own place is kept for findings about the key. */
  record Member(String key, Position keyPosition, Position keyEnd, JsonValue value) {}

  /** An object; when a key repeats, the last member wins, as in Sourcegraph's own decoder. */
  record Obj(String pointer, Position position, Position end, Span span, List<Member> members)
      implements JsonValue {
    public Obj {
      members = List.copyOf(members);
    }

    public Optional<Member> member(String key) {
      for (int i = members.size() - 1; i >= 0; i--) {
        if (members.get(i).key().equals(key)) {
          return Optional.of(members.get(i));
        }
      }
      return Optional.empty();
    }

    public Optional<JsonValue> get(String key) {
      return Optional.ofNullable(value(key));
    }

    /** The value of {@code key} when it is a string. */
    public Optional<Str> string(String key) {
      return value(key) instanceof Str s ? Optional.of(s) : Optional.empty();
    }

    /** The value of {@code key} when it is an object. */
    public Optional<Obj> object(String key) {
      return value(key) instanceof Obj o ? Optional.of(o) : Optional.empty();
    }

    /**
     * The last member's value for {@code key}, or null: the lookups above without a lambda to link.
     */
    private JsonValue value(String key) {
      for (int i = members.size() - 1; i >= 0; i--) {
        if (members.get(i).key().equals(key)) {
          return members.get(i).value();
        }
      }
      return null;
    }

    public String typeName() {
      return "object";
    }
  }

  record Arr(String pointer, Position position, Position end, Span span, List<JsonValue> items)
      implements JsonValue {
    public Arr {
      items = List.copyOf(items);
    }

    public String typeName() {
      return "array";
    }
  }

  record Str(String pointer, Position position, Position end, Span span, String value)
      implements JsonValue {
    public String typeName() {
      return "string";
    }
  }

  /** A number, kept as written so that nothing is lost to rounding. */
  record Num(String pointer, Position position, Position end, Span span, String text)
      implements JsonValue {
    public BigDecimal decimal() {
      return new BigDecimal(text);
    }

    /**
     * Whether Go's {@code encoding/json} can decode the literal into an {@code int}: digits only
     * (no fraction, no exponent, even {@code 587.0}) and within 64 bits.
     */
    public boolean isIntegerLiteral() {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '.' || c == 'e' || c == 'E') {
          return false;
        }
      }
      BigDecimal value = decimal();
      return value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
          && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    public boolean isIntegral() {
      return decimal().stripTrailingZeros().scale() <= 0;
    }

    public String typeName() {
      return isIntegral() ? "integer" : "number";
    }
  }

  record Bool(String pointer, Position position, Position end, Span span, boolean value)
      implements JsonValue {
    public String typeName() {
      return "boolean";
    }
  }

  record Null(String pointer, Position position, Position end, Span span) implements JsonValue {
    public String typeName() {
      return "null";
    }
  }

  /** The value at a JSON Pointer below {@code root}, if there is one. */
  static Optional<JsonValue> at(JsonValue root, String pointer) {
    if (pointer.isEmpty()) {
      return Optional.of(root);
    }
    JsonValue node = root;
    for (String token : tokens(pointer)) {
      if (node instanceof Obj o && o.get(token).isPresent()) {
        node = o.get(token).get();
      } else if (node instanceof Arr a
          && isIndex(token)
          && token.length() <= 9
          && Integer.parseInt(token) < a.items().size()) {
        node = a.items().get(Integer.parseInt(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /**
   * The unescaped reference tokens of a JSON Pointer: ["email.smtp", "port"] for /email.smtp/port.
   */
  static List<String> tokens(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return List.copyOf(out);
  }

  /** Digits only: an array index in a pointer (no regular expression to compile for each token). */
  static boolean isIndex(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** How an admin names a setting in a message: "email.smtp.additionalHeaders[0].key", quoted. */
  static String settingName(String pointer) {
    List<String> tokens = tokens(pointer);
    if (tokens.isEmpty()) {
      return "the site config";
    }
    StringBuilder out = new StringBuilder("\"").append(tokens.get(0));
    for (String token : tokens.subList(1, tokens.size())) {
      out.append(isIndex(token) ? "[" + token + "]" : "." + token);
    }
    return out.append('"').toString();
  }

  /** Appends one reference token to a JSON Pointer, escaped as RFC 6901 requires. */
  static String child(String pointer, String token) {
    boolean plain = token.indexOf('~') < 0 && token.indexOf('/') < 0;
    return pointer + "/" + (plain ? token : token.replace("~", "~0").replace("/", "~1"));
  }
}
