package dev.smtplint.schema;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Converts the positioned tree into the Jackson tree networknt validates, indexing it by pointer.
 */
final class JacksonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JacksonTree() {}

  static JsonNode emailSubset(
      JsonValue.Obj root, Map<String, JsonValue> index, Map<String, Position> keys) {
    ObjectNode out = NODES.objectNode();
    index.put("", root);
    for (JsonValue.Member m : root.members()) {
      if (m.key().startsWith("email.")) {
        keys.put(m.value().pointer(), m.keyPosition());
        out.set(m.key(), convert(m.value(), index, keys));
      }
    }
    return out;
  }

  /** The whole tree, unindexed: for the schema itself. */
  static JsonNode convert(JsonValue value) {
    return convert(value, new HashMap<>(), new HashMap<>());
  }

  private static JsonNode convert(
      JsonValue value, Map<String, JsonValue> index, Map<String, Position> keys) {
    index.put(value.pointer(), value);
    if (value instanceof JsonValue.Obj o) {
      ObjectNode node = NODES.objectNode();
      for (JsonValue.Member m : o.members()) {
        keys.put(m.value().pointer(), m.keyPosition());
        node.set(m.key(), convert(m.value(), index, keys));
      }
      return node;
    } else if (value instanceof JsonValue.Arr a) {
      ArrayNode node = NODES.arrayNode();
      for (JsonValue item : a.items()) {
        node.add(convert(item, index, keys));
      }
      return node;
    } else if (value instanceof JsonValue.Str s) {
      return new QuotedString(s.value());
    } else if (value instanceof JsonValue.Num n) {
      // A huge exponent (1e999999) must not be expanded into a huge integer.
      boolean smallIntegral = n.isIntegral() && n.decimal().precision() - n.decimal().scale() <= 40;
      return smallIntegral
          ? NODES.numberNode(n.decimal().toBigIntegerExact())
          : NODES.numberNode(n.decimal());
    } else if (value instanceof JsonValue.Bool b) {
      return NODES.booleanNode(b.value());
    }
    return NODES.nullNode();
  }

  /**
   * A string node whose {@code toString()} is its JSON text, quoted by jackson-core's encoder. The
   * inherited one builds Jackson's shared {@code JsonMapper} (date formats, a calendar, the locale
   * providers): 60-100 ms of a cold run, paid whenever networknt compiles an {@code enum} (its
   * message lists the values through {@code toString()}). Equal to any {@link StringNode} of the
   * same value, as networknt's enum check needs.
   */
  static final class QuotedString extends StringNode {
    private static final long serialVersionUID = 1L;

    QuotedString(String value) {
      super(value);
    }

    @Override
    public String toString() {
      return '"' + new String(JsonStringEncoder.getInstance().quoteAsCharArray(_value)) + '"';
    }
  }
}
