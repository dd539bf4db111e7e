package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path for plain addresses never accepts what Jakarta Mail's strict parser (the full path)
 * would judge otherwise: 200,000 generated candidates, plain and odd, and the usual suspects.
 */
class AddressesTest {
  private static final String ALPHABET = "abcXYZ019.-_+!#$%&'*/=?^`{|}~@ \"()<>,;:\\[]é\u0000\t";

  /** What the full path says: a bare address that parses alone, equal to itself. */
  private static boolean fullPathAccepts(String value) {
    try {
      InternetAddress[] all = InternetAddress.parseHeader(value, true);
      return all.length == 1
          && all[0].getPersonal() == null
          && !value.contains("<")
          && all[0].getAddress().equals(value.trim())
          && value.equals(value.trim());
    } catch (AddressException e) {
      return false;
    }
  }

  @Test
  void theFastPathAcceptsOnlyWhatTheParserAccepts() {
    Random r = new Random(42);
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int local = 1 + r.nextInt(12);
      for (int k = 0; k < local; k++) {
        b.append(
            r.nextInt(6) == 0
                ? ALPHABET.charAt(r.nextInt(ALPHABET.length()))
                : (char) ('a' + r.nextInt(26)));
      }
      b.append(r.nextInt(20) == 0 ? "" : "@");
      int labels = 1 + r.nextInt(3);
      for (int k = 0; k < labels; k++) {
        b.append(k == 0 ? "" : ".")
            .append(
                r.nextInt(8) == 0
                    ? String.valueOf(ALPHABET.charAt(r.nextInt(ALPHABET.length())))
                    : "acme" + k);
      }
      String value = b.toString();
      if (Addresses.isPlainMailbox(value)) {
        fast++;
        assertTrue(fullPathAccepts(value), "the fast path accepted " + value);
      }
    }
    assertTrue(fast > 50_000, "plain addresses seen: " + fast);
    for (String odd :
        new String[] {
          "a..b@acme.io",
          ".a@acme.io",
          "a.@acme.io",
          "a@b@acme.io",
          "a@",
          "@acme.io",
          "a @acme.io",
          "\"a b\"@acme.io",
          "a@[127.0.0.1]",
          "Acme <a@acme.io>",
          "a@acme.io.",
          "a@-acme.io",
          "é@acme.io",
          "a@acmé.io"
        }) {
      assertTrue(!Addresses.isPlainMailbox(odd), odd);
    }
    assertTrue(
        Addresses.isPlainMailbox("noreply+sg@mail.acme.io")
            && Addresses.isPlainMailbox("a!#$%&'*+-/=?^_`{|}~@acme.io"));
  }
}
