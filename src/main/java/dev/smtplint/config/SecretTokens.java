package dev.smtplint.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical half of {@link SecretSpans}: a scan of a site config's text that trusts no parse, so
 * that a file that does not parse is masked too. The values of the secret keys, however the key is
 * quoted or the value spelt (to the end of the value as written, or of the line when the value is
 * not a complete string); every "password" or "username" followed by a colon, wherever quotes pair;
 * in a file that does not parse, every token but known setting names, numbers, literals and
 * punctuation. Linear in the text.
 */
final class SecretTokens {
  private SecretTokens() {}

  /**
   * The words the unquoted scan looks for, in a fixed order (the spans must not depend on a set's
   * order).
   */
  private static final List<String> SECRET_WORDS =
      List.of("password", "username", "passwd", "pasword", "pwd", "secret");

  /**
   * Setting names (folded as {@link SecretKeys#folded}) that a file that does not parse still shows
   * as keys; every other token of it is masked but numbers, literals and punctuation.
   */
  private static final java.util.Set<String> KNOWN_NAMES = knownNames();

  /** email.smtp's members as Go decodes them, and the other names a site config shows as keys. */
  private static java.util.Set<String> knownNames() {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String field : EmailSettings.SMTP_FIELDS) {
      out.add(SecretKeys.folded(field));
    }
    for (String name :
        List.of(
            "emailaddress",
            "emailsmtp",
            "emailsendername",
            "emailtemplates",
            "disabletls",
            "key",
            "value",
            "sensitive",
            "subject",
            "text",
            "html",
            "externalurl",
            "authproviders")) {
      out.add(name);
    }
    return java.util.Set.copyOf(out);
  }

  /**
   * The same values found without trusting the quotes: every "password" or "username", in any case,
   * followed by an optional quote and a colon. A broken file can pair its quotes so that the key
   * looks like the inside of a string ({@code "email.smtp#: { "password": "…"}); masking too much
   * there costs nothing, masking too little shows the password.
   */
  static List<Span> byWord(char[] text, List<Span> passwords) {
    // Case folded in a copy, so offsets stay those of the text, by a loop of this class's (the
    // JDK's lower-casing calls a method per character: slower while a batch runs interpreted);
    // then String.indexOf does the scan.
    String lower = folded(text);
    List<Span> out = new ArrayList<>();
    for (String key : SECRET_WORDS) {
      for (int i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + key.length())) {
        maskAfterWord(text, i, key, out, passwords);
      }
    }
    return out;
  }

  /** ASCII upper case to lower, and Go's folding of ſ to s and the Kelvin sign to k. */
  private static String folded(char[] text) {
    char[] folded = text.clone();
    for (int i = 0; i < folded.length; i++) {
      char c = folded[i];
      if (c >= 'A' && c <= 'Z') {
        folded[i] = (char) (c + 32);
      } else if (c == '\u017F') {
        folded[i] = 's'; // Go's folding: "paſſword" is "password"
      } else if (c == '\u212A') {
        folded[i] = 'k';
      }
    }
    return new String(folded);
  }

  /** The value after a secret word at {@code at}, when a colon follows it (passwords noted). */
  static void maskAfterWord(char[] text, int at, String key, List<Span> out, List<Span> passwords) {
    int after = at + key.length();
    // the rest of a longer name ("password-issword", "passwordX"), as far as a key would go
    for (int rest = 0;
        rest < SecretKeys.MAX_KEY_LENGTH
            && after < text.length
            && (Character.isLetterOrDigit(text[after]) || text[after] == '_' || text[after] == '-');
        rest++) {
      after++;
    }
    if (after < text.length && (text[after] == '"' || text[after] == '\'')) {
      after++;
    }
    maskValue(text, after, out, key.equals("username") ? null : passwords);
  }

  /**
   * Values of the secret keys, however the key is quoted or the value spelt; the spans of password
   * values also go to {@code passwords}. {@code unparsed}: the file does not parse, so every token
   * that is not a known setting name (as a key), a number, a literal or punctuation is masked too
   * (strings, bare words, comments' text: a broken quote can leave a password's fragments
   * anywhere), and URL userinfo in any string.
   */
  static List<Span> lexical(
      char[] text, boolean unparsed, List<Span> passwords, List<Span> comments) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    int n = text.length;
    while (i < n) {
      char c = text[i];
      if (c == '/' && i + 1 < n && (text[i + 1] == '/' || text[i + 1] == '*')) {
        int end = skipComment(text, i);
        comments.add(new Span(i, end));
        if (unparsed && end > i + 2) {
          out.add(new Span(i + 2, end));
        }
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = stringEnd(text, i);
        boolean isKey = followedByColon(text, end);
        String key = isKey ? keyText(text, i + 1, Math.max(i + 1, end - 1)) : "";
        if (!isKey) {
          userinfo(text, i + 1, end, out);
        }
        if (unparsed && end > i + 2 && !(isKey && known(key))) {
          out.add(new Span(i, end));
        }
        i = end;
        SecretKeys.Kind kind = isKey ? SecretKeys.kind(key) : SecretKeys.Kind.NONE;
        if (kind != SecretKeys.Kind.NONE) {
          i = maskValue(text, i, out, kind == SecretKeys.Kind.PASSWORD ? passwords : null);
        }
      } else if (Character.isLetter(c)) {
        int end = i;
        while (end < n
            && (Character.isLetterOrDigit(text[end]) || text[end] == '_' || text[end] == '-')) {
          end++;
        }
        // A bare word is a key only before a colon (true, false, null and broken values are not).
        boolean isKey = end - i <= SecretKeys.MAX_KEY_LENGTH && followedByColon(text, end);
        String key = isKey ? new String(text, i, end - i) : "";
        if (unparsed) {
          end = tokenEnd(text, end);
          if (!(isKey && known(key)) && !literal(text, i, end)) {
            out.add(new Span(i, end));
          }
        }
        i = end;
        SecretKeys.Kind kind = SecretKeys.kind(key);
        if (kind != SecretKeys.Kind.NONE) {
          i = maskValue(text, i, out, kind == SecretKeys.Kind.PASSWORD ? passwords : null);
        }
      } else if (unparsed && !Character.isWhitespace(c) && PUNCTUATION.indexOf(c) < 0) {
        int end = tokenEnd(text, i + 1);
        if (!number(text, i, end)) {
          out.add(new Span(i, end));
        }
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  /** What separates the tokens of JSONC: never masked, and never part of a token. */
  private static final String PUNCTUATION = "{}[]:,\"'/";

  /** Just past a bare token that starts before {@code from}: to white space or punctuation. */
  private static int tokenEnd(char[] text, int from) {
    int i = from;
    while (i < text.length
        && !Character.isWhitespace(text[i])
        && PUNCTUATION.indexOf(text[i]) < 0) {
      i++;
    }
    return i;
  }

  private static boolean literal(char[] text, int from, int to) {
    String word = new String(text, from, to - from);
    return word.equals("true") || word.equals("false") || word.equals("null");
  }

  /** A JSON number (the only bare token besides the literals that a site config holds). */
  private static boolean number(char[] text, int from, int to) {
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

  /** A setting name a broken file may still show as a key (Go's folding, separators ignored). */
  private static boolean known(String key) {
    return KNOWN_NAMES.contains(SecretKeys.folded(key));
  }

  /**
   * The text of a string token as a key: JSON escapes undone; empty when it is too long to name a
   * credential.
   */
  private static String keyText(char[] text, int from, int to) {
    if (to - from > 6 * SecretKeys.MAX_KEY_LENGTH) {
      return "";
    }
    for (int i = from; i < to; i++) {
      if (text[i] == '\\') {
        return decode(text, from, to);
      }
    }
    return to - from > SecretKeys.MAX_KEY_LENGTH ? "" : new String(text, from, to - from);
  }

  private static boolean followedByColon(char[] text, int from) {
    int i = skipBlank(text, from);
    return i < text.length && text[i] == ':';
  }

  /** The credentials of a URL in a string ("smtp://user:pw@host"): from after "://" to the "@". */
  private static void userinfo(char[] text, int from, int to, List<Span> out) {
    for (int i = from; i + 2 < to; i++) {
      if (text[i] == ':' && text[i + 1] == '/' && text[i + 2] == '/') {
        int start = i + 3;
        for (int j = start; j < to && text[j] != '/' && text[j] != '"' && text[j] != '\''; j++) {
          if (text[j] == '@') {
            out.add(new Span(start, j));
            return;
          }
        }
        return;
      }
    }
  }

  /**
   * After a secret key: when a colon follows (past spaces and comments), the value's span, whole
   * (an array or an object to its closing bracket); returns where to go on. A password's span also
   * goes to {@code passwords} (when given), so that its text is found elsewhere too.
   */
  private static int maskValue(char[] text, int from, List<Span> out, List<Span> passwords) {
    int i = skipBlank(text, from);
    if (i >= text.length || text[i] != ':') {
      return from;
    }
    int start = skipBlank(text, i + 1);
    if (start >= text.length) {
      return start;
    }
    char c = text[start];
    int end;
    if (c == '"' || c == '\'') {
      end = stringEnd(text, start);
      if (end > start && text[end - 1] != c) {
        end = lineEnd(text, start); // an unterminated string: to the end of its line
      }
    } else if (c == '{' || c == '[') {
      end = closing(text, start);
      out.add(new Span(start, end));
      maskStrings(text, start, end, passwords);
      return end;
    } else {
      end = lineEnd(text, start); // a bare token: everything to the end of the line
    }
    out.add(new Span(start, end));
    if (passwords != null) {
      passwords.add(new Span(start, end));
    }
    return end;
  }

  /**
   * Just past the bracket that closes the one at {@code start} (strings and comments skipped), or
   * the end of the text.
   */
  private static int closing(char[] text, int start) {
    int depth = 0;
    for (int i = start; i < text.length; ) {
      char c = text[i];
      if (c == '"' || c == '\'') {
        i = stringEnd(text, i);
      } else if (c == '/' && i + 1 < text.length && (text[i + 1] == '/' || text[i + 1] == '*')) {
        i = skipComment(text, i);
      } else {
        depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
        i++;
        if (depth == 0) {
          return i;
        }
      }
    }
    return text.length;
  }

  /** The strings inside a password's array or object, each searched for elsewhere in the file. */
  private static void maskStrings(char[] text, int from, int to, List<Span> passwords) {
    if (passwords == null) {
      return;
    }
    for (int i = from; i < to; ) {
      if (text[i] == '"' || text[i] == '\'') {
        int end = Math.min(to, stringEnd(text, i));
        passwords.add(new Span(i, end));
        i = end;
      } else {
        i++;
      }
    }
  }

  /**
   * Just past the closing quote of the string that opens at {@code start}, or the end of its line.
   */
  private static int stringEnd(char[] text, int start) {
    char quote = text[start];
    for (int i = start + 1; i < text.length; i++) {
      char c = text[i];
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      } else if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length;
  }

  static int lineEnd(char[] text, int from) {
    int i = from;
    while (i < text.length && text[i] != '\n' && text[i] != '\r') {
      i++;
    }
    return i;
  }

  private static int skipBlank(char[] text, int from) {
    int i = from;
    while (i < text.length) {
      char c = text[i];
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < text.length && (text[i + 1] == '/' || text[i + 1] == '*')) {
        i = skipComment(text, i);
      } else {
        break;
      }
    }
    return i;
  }

  private static int skipComment(char[] text, int from) {
    if (text[from + 1] == '/') {
      return lineEnd(text, from);
    }
    for (int i = from + 2; i + 1 < text.length; i++) {
      if (text[i] == '*' && text[i + 1] == '/') {
        return i + 2;
      }
    }
    return text.length;
  }

  /** A key's text with JSON escapes undone (enough to see that "pass\u0077ord" is "password"). */
  static String decode(char[] text, int from, int to) {
    if (to - from > 64) {
      return ""; // no secret key is this long
    }
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c == '\\' && i + 1 < to) {
        char e = text[++i];
        if (e == 'u' && i + 4 < to + 1 && i + 4 < text.length) {
          try {
            out.append((char) Integer.parseInt(new String(text, i + 1, 4), 16));
            i += 4;
          } catch (NumberFormatException ignored) {
            out.append(e);
          }
        } else {
          out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
