package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written label check is the pattern it replaced, on every kind of label. */
class HostsTest {
  private static final java.util.regex.Pattern LABEL =
      java.util.regex.Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

  @Test
  void theLabelScanAgreesWithThePattern() {
    Random random = new Random(7);
    String alphabet = "abz09_-.AZé ";
    int valid = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder label = new StringBuilder();
      int length = i % 100 == 0 ? 60 + random.nextInt(8) : random.nextInt(8);
      for (int n = 0; n < length; n++) {
        label.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String l = label.toString();
      boolean expected = LABEL.matcher(l).matches();
      assertEquals(expected, Hosts.isLabel(l, 0, l.length()), l);
      valid += expected ? 1 : 0;
    }
    assertTrue(valid > 1_000, "valid labels generated: " + valid);
  }

  @Test
  void hostNames() {
    for (String good :
        new String[] {
          "smtp.acme.io",
          "mail",
          "a.b.c.",
          "email-smtp.us-east-1.amazonaws.com",
          "x_y.acme.io",
          "xn--bcher-kva.example",
          "bücher.example",
          "a".repeat(63) + ".io"
        }) {
      assertTrue(Hosts.isValidHostName(good), good);
    }
    for (String bad :
        new String[] {
          "",
          ".",
          "a..b",
          "-a.io",
          "a-.io",
          "a.io..",
          "a b.io",
          "a".repeat(64) + ".io",
          "smtp:587",
          "a.-b.io",
          "x".repeat(254)
        }) {
      assertFalse(Hosts.isValidHostName(bad), bad);
    }
  }
}
