package dev.smtplint.config;

import java.util.Arrays;

/**
 * The text as Sourcegraph's JSONC parser, {@code github.com/sourcegraph/jsonx} (a port of VS Code's
 * JSON scanner), reads it, rewritten so that Jackson reads it the same way, with every character in
 * its place (positions do not move):
 *
 * <ul>
 *   <li>outside strings and comments, jsonx's whitespace beyond JSON's four (vertical tab, form
 *       feed, no-break space U+00A0, U+1680, U+2000–U+200B, U+202F, U+205F, U+3000 and a byte order
 *       mark anywhere) becomes a space: a config pasted from a web page loads in Sourcegraph;
 *   <li>the line and paragraph separators U+2028 and U+2029 are line breaks to jsonx: between
 *       tokens they become a space, and a {@code //} comment they end becomes spaces (Jackson would
 *       read on to the next {@code \n});
 *   <li>a {@code \\uXXXX} escape of a surrogate that is not half of a pair becomes {@code \\uFFFD},
 *       the character Go decodes it to (Jackson refuses a lone low surrogate in a key).
 * </ul>
 *
 * One pass, linear; the text is copied only when something changes.
 */
final class JsonxText {
  private JsonxText() {}

  /** The text for Jackson: {@code text} itself unless it has a character to rewrite. */
  static String forJackson(String text, boolean knownAscii) {
    if (knownAscii) {
      // no character at or above 0x80: only an escape or a vertical tab or form feed can differ
      return text.indexOf('\\') < 0 && text.indexOf('\u000B') < 0 && text.indexOf('\u000C') < 0
          ? text
          : rewritten(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || c == '\\' || c == '\u000B' || c == '\u000C') {
        return rewritten(text);
      }
    }
    return text;
  }

  private static String rewritten(String text) {
    char[] out = null;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"') {
        i++;
        while (i < n && text.charAt(i) != '"' && text.charAt(i) != '\n') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            if (text.charAt(i + 1) == 'u' && isLoneSurrogate(text, i)) {
              out = out == null ? text.toCharArray() : out;
              out[i + 2] = 'F';
              out[i + 3] = 'F';
              out[i + 4] = 'F';
              out[i + 5] = 'D';
            }
            i += isPair(text, i) ? 12 : 2;
          } else {
            i++;
          }
        }
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int start = i;
        while (i < n && !isLineBreak(text.charAt(i))) {
          i++;
        }
        if (i < n && isUnicodeLineBreak(text.charAt(i))) {
          // jsonx ends the comment here, Jackson only at the next \n: the comment, which carries
          // nothing, becomes spaces, so what follows the separator is read as jsonx reads it.
          out = out == null ? text.toCharArray() : out;
          Arrays.fill(out, start, i + 1, ' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (isJsonxOnlySpace(c) || isUnicodeLineBreak(c)) {
          out = out == null ? text.toCharArray() : out;
          out[i] = ' ';
        }
        i++;
      }
    }
    return out == null ? text : new String(out);
  }

  /** jsonx's (VS Code's) whitespace that JSON does not count: Jackson needs a space there. */
  static boolean isJsonxOnlySpace(char c) {
    return c == '\u000B'
        || c == '\u000C'
        || c == '\u00A0'
        || c == '\u1680'
        || c >= '\u2000' && c <= '\u200B'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000'
        || c == '\uFEFF';
  }

  /** jsonx's (VS Code's) line breaks: \\n, \\r, and the line and paragraph separators. */
  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || isUnicodeLineBreak(c);
  }

  /** U+2028 and U+2029, line breaks to jsonx, neither whitespace nor a line end to Jackson. */
  private static boolean isUnicodeLineBreak(char c) {
    return c == '\u2028' || c == '\u2029';
  }

  /** {@code \\uD800}-{@code \\uDBFF} followed by {@code \\uDC00}-{@code \\uDFFF}, at {@code i}. */
  private static boolean isPair(String text, int i) {
    int high = hex(text, i);
    return high >= 0xD800 && high <= 0xDBFF && lowAt(text, i + 6);
  }

  private static boolean lowAt(String text, int i) {
    if (i + 1 >= text.length() || text.charAt(i) != '\\' || text.charAt(i + 1) != 'u') {
      return false;
    }
    int low = hex(text, i);
    return low >= 0xDC00 && low <= 0xDFFF;
  }

  private static boolean isLoneSurrogate(String text, int i) {
    int v = hex(text, i);
    return v >= 0xD800 && v <= 0xDFFF && !isPair(text, i);
  }

  /** The value of the escape {@code \\uXXXX} at {@code i}, or -1 when it is not one. */
  private static int hex(String text, int i) {
    if (i + 6 > text.length() || text.charAt(i + 1) != 'u') {
      return -1;
    }
    int v = 0;
    for (int k = i + 2; k < i + 6; k++) {
      int d = Character.digit(text.charAt(k), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
