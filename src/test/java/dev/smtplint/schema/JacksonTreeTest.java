package dev.smtplint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.StringNode;

/** The tree networknt validates behaves as Jackson's own, where networknt can tell. */
class JacksonTreeTest {
  /**
   * networknt's enum check compares with equals() and hashCode() and quotes the values in its
   * message with toString(): the cheap string node must agree with Jackson's on all three, for any
   * text.
   */
  @Test
  void theQuotedStringIsJacksonsStringNodeForNetworknt() {
    List<String> values =
        new java.util.ArrayList<>(
            List.of(
                "",
                "none",
                "PLAIN",
                "CRAM-MD5",
                "a\"b",
                "back\\slash",
                "tab\tnew\nline\rcr",
                "\u0000\u0001\u001f\u007f",
                "é ü 中文 😀",
                "\u2028\u2029",
                "</script>",
                "\ud800"));
    Random random = new Random(13);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        s.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
      }
      values.add(s.toString());
    }
    for (String v : values) {
      StringNode jackson = new StringNode(v);
      JacksonTree.QuotedString ours = new JacksonTree.QuotedString(v);
      assertEquals(jackson.toString(), ours.toString(), v);
      assertEquals(jackson, ours);
      assertEquals(ours, jackson);
      assertEquals(jackson.hashCode(), ours.hashCode());
    }
    Set<Object> set = new HashSet<>(List.of(new JacksonTree.QuotedString("PLAIN")));
    assertEquals(true, set.contains(new StringNode("PLAIN")));
  }
}
