package dev.smtplint.rules;

/**
 * The shapes the rules test strings for, written by hand. Each equals the regular expression in its
 * Javadoc (MatchersTest holds every one to its pattern over generated strings). Not
 * java.util.regex: on Java 17-24 its character classes are lambdas, and the first pattern a run
 * compiles links the JDK's lambda machinery, about 6 ms of every cold start even with the start-up
 * archive (bench/README.md). A rule on the lint path uses these; a pattern elsewhere (the probe, a
 * usage error) may compile.
 */
final class Matchers {
  private Matchers() {}

  /** {@code (\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})}: the four numbers, or null. */
  static int[] dottedQuad(String s) {
    int[] out = new int[4];
    int i = 0;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (i >= s.length() || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
      int start = i;
      int value = 0;
      while (i < s.length() && i - start < 3 && isDigit(s.charAt(i))) {
        value = value * 10 + s.charAt(i) - '0';
        i++;
      }
      if (i == start) {
        return null;
      }
      out[part] = value;
    }
    return i == s.length() ? out : null;
  }

  /** {@code [0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?}: the characters of an IPv6 literal and its zone. */
  static boolean ipv6Characters(String s) {
    int zone = s.indexOf('%');
    int end = zone < 0 ? s.length() : zone;
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (!(isHex(c) || c == ':' || c == '.')) {
        return false;
      }
    }
    if (zone < 0) {
      return true;
    }
    if (zone == s.length() - 1) {
      return false;
    }
    for (int i = zone + 1; i < s.length(); i++) {
      if (!isAsciiLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code ^([^:/\s]+):(\d+)$}: a host followed by a port; the index of the colon that parts them,
   * or -1. (A whole-string match: {@code $} never leaves a final line terminator out.)
   */
  static int hostWithPort(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      return -1;
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      if (c == '/' || isRegexSpace(c)) {
        return -1;
      }
    }
    for (int i = colon + 1; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return -1;
      }
    }
    return colon;
  }

  /** The port's digits after {@link #hostWithPort}'s colon. */
  static String portAfter(String s, int colon) {
    return s.substring(colon + 1);
  }

  /** {@code (AKIA|ASIA)[A-Z0-9]{16}}: an AWS access key id. */
  static boolean accessKeyId(String s) {
    if (s.length() != 20 || !(s.startsWith("AKIA") || s.startsWith("ASIA"))) {
      return false;
    }
    for (int i = 4; i < 20; i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || isDigit(c))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9/+]{40}}: shaped like an IAM secret access key. */
  static boolean iamSecretShape(String s) {
    if (s.length() != 40) {
      return false;
    }
    for (int i = 0; i < 40; i++) {
      char c = s.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || c == '/' || c == '+')) {
        return false;
      }
    }
    return true;
  }

  /** {@code \[[0-9A-Fa-f:.]+\]}: an address literal in brackets, as EHLO takes it. */
  static boolean addressLiteral(String s) {
    if (s.length() < 3 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (!(isHex(c) || c == ':' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code ^\s*+<[^<>@]*+>\s*+$}: a placeholder in angle brackets ("&lt;YOUR SECRET&gt;"), white
   * space around it allowed.
   */
  static boolean angled(String s) {
    int start = 0;
    while (start < s.length() && isRegexSpace(s.charAt(start))) {
      start++;
    }
    int end = s.length();
    while (end > start && isRegexSpace(s.charAt(end - 1))) {
      end--;
    }
    if (end - start < 2 || s.charAt(start) != '<' || s.charAt(end - 1) != '>') {
      return false;
    }
    for (int i = start + 1; i < end - 1; i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '>' || c == '@') {
        return false;
      }
    }
    return true;
  }

  /** {@code [!-9;-~]+}: a header field name (printable ASCII but the colon; RFC 5322 §2.2). */
  static boolean fieldName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '!' || c > '~' || c == ':') {
        return false;
      }
    }
    return true;
  }

  /** {@code [1-9][0-9]{0,4}}: a port number's digits, without a leading zero. */
  static boolean portDigits(String s) {
    if (s.isEmpty() || s.length() > 5 || s.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** What {@code \s} matches without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
