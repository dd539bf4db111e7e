package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each hand-written matcher is the regular expression it replaced: both are asked about generated
 * strings drawn from the characters that matter to the pattern (and a few that must not), with
 * enough of them matching that both answers are exercised.
 */
class MatchersTest {
  private static final String EDGES = " \t\n\r\u000B\f\u0085\u2028\u2029\u00e9\u0663";

  private static void agree(
      String regex, Predicate<String> hand, String alphabet, int maxLength, String... seeds) {
    Pattern pattern = Pattern.compile(regex);
    Random random = new Random(regex.hashCode());
    int matching = 0;
    int total = 60_000;
    for (int i = 0; i < total + seeds.length; i++) {
      String s;
      if (i < seeds.length) {
        s = seeds[i];
      } else if (i % 3 == 0 && seeds.length > 0) {
        s = mutate(seeds[random.nextInt(seeds.length)], alphabet + EDGES, random);
      } else {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        String from = random.nextInt(10) == 0 ? alphabet + EDGES : alphabet;
        for (int n = 0; n < length; n++) {
          b.append(from.charAt(random.nextInt(from.length())));
        }
        s = b.toString();
      }
      boolean expected = pattern.matcher(s).matches();
      assertEquals(expected, hand.test(s), () -> regex + " on " + escape(s));
      matching += expected ? 1 : 0;
    }
    assertTrue(matching > total / 50, regex + ": matching strings generated: " + matching);
  }

  private static String mutate(String seed, String alphabet, Random random) {
    StringBuilder b = new StringBuilder(seed);
    int edits = random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = b.length() == 0 ? 0 : random.nextInt(b.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (random.nextInt(3)) {
        case 0 -> b.insert(at, c);
        case 1 -> {
          if (b.length() > 0) {
            b.deleteCharAt(at);
          }
        }
        default -> {
          if (b.length() > 0) {
            b.setCharAt(at, c);
          }
        }
      }
    }
    return b.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  @Test
  void dottedQuad() {
    Pattern groups = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    agree(
        groups.pattern(),
        s -> Matchers.dottedQuad(s) != null,
        "0123456789.",
        16,
        "1.2.3.4",
        "255.255.255.255",
        "010.0.0.1");
    for (String s : new String[] {"1.2.3.4", "999.0.12.255", "010.000.1.7"}) {
      Matcher m = groups.matcher(s);
      assertTrue(m.matches());
      int[] expected = new int[4];
      for (int i = 0; i < 4; i++) {
        expected[i] = Integer.parseInt(m.group(i + 1));
      }
      assertEquals(Arrays.toString(expected), Arrays.toString(Matchers.dottedQuad(s)));
    }
  }

  @Test
  void ipv6Characters() {
    agree(
        "[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?",
        Matchers::ipv6Characters, "0aF:.%zZg", 12, "::1", "fe80::1%eth0", "::ffff:1.2.3.4");
  }

  @Test
  void hostWithPort() {
    Pattern pattern = Pattern.compile("^([^:/\\s]+):(\\d+)$");
    agree(
        pattern.pattern(),
        s -> Matchers.hostWithPort(s) >= 0,
        "ab.:/0917 -",
        12,
        "smtp.acme.io:587",
        "a:1\n",
        "a:1\r\n",
        "a:1\u2028",
        "x\u2028:25");
    for (String s : new String[] {"smtp.acme.io:587", "h\u0085:25"}) {
      Matcher m = pattern.matcher(s);
      assertTrue(m.matches(), s);
      int colon = Matchers.hostWithPort(s);
      assertEquals(m.group(1), s.substring(0, colon));
      assertEquals(m.group(2), Matchers.portAfter(s, colon));
    }
  }

  @Test
  void accessKeyId() {
    agree(
        "(AKIA|ASIA)[A-Z0-9]{16}",
        Matchers::accessKeyId,
        "AKISZ09a",
        21,
        "AKIAIOSFODNN7EXAMPLE",
        "ASIAABCDEFGHIJKLMNOP");
  }

  @Test
  void iamSecretShape() {
    agree(
        "[A-Za-z0-9/+]{40}",
        Matchers::iamSecretShape,
        "aZ9/+=-",
        41,
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @Test
  void addressLiteral() {
    agree("\\[[0-9A-Fa-f:.]+\\]", Matchers::addressLiteral, "[]0aF:.g", 8, "[192.0.2.1]", "[::1]");
  }

  @Test
  void angled() {
    agree(
        "^\\s*+<[^<>@]*+>\\s*+$",
        Matchers::angled,
        "<>@ab \t\n",
        8,
        "<YOUR SECRET>",
        "  <password>\n",
        "<x>\u2028",
        "<x> \u0085",
        "<a\u2028b>");
  }

  @Test
  void fieldName() {
    agree("[!-9;-~]+", Matchers::fieldName, "!9:;~ aZ-\u007f", 6, "X-Mailer", "Reply-To");
  }

  @Test
  void portDigits() {
    agree("[1-9][0-9]{0,4}", Matchers::portDigits, "0159", 7, "587", "65535", "0587");
  }
}
