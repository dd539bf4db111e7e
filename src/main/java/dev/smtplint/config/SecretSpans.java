package dev.smtplint.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a source text that no output may show (SPEC §10), the one place that decides them:
 * the value of every key that names a password or a username in any spelling ({@link SecretKeys}:
 * Go's case folding, close misspellings), whole even when it is an array or an object; every other
 * occurrence of a password's text in the file, comments included; the credentials in a URL's
 * userinfo ({@code smtp://user:pw@host}); every {@code additionalHeaders} value marked {@code
 * sensitive}; and, in a file that does not parse, every string that is not a member name or the
 * value of a known non-secret setting. Found by a scan of the text, not of the parsed tree, so that
 * a file that does not parse is masked too: from the key, past any comments and the colon, to the
 * end of the value as written (escapes and all), or to the end of the line when the value is not a
 * complete string. Outputs mask these spans by position; no message quotes a secret. Linear in the
 * text.
 */
public final class SecretSpans {
  /**
   * The words the unquoted scan looks for, in a fixed order (the spans must not depend on a set's
   * order).
   */
  private static final List<String> SECRET_WORDS =
      List.of("password", "username", "passwd", "pasword", "pwd", "secret");

  /**
   * A password shorter than this is masked where it stands, not searched for elsewhere (it would
   * mask every "ab").
   */
  private static final int MIN_SEARCHED = 3;

  /** Settings whose values are never secret: shown in the excerpt of a file that does not parse. */
  private static final List<String> NOT_SECRET =
      List.of(
          "host",
          "port",
          "authentication",
          "domain",
          "noverifytls",
          "key",
          "emailaddress",
          "emailsendername",
          "emailsmtp",
          "emailtemplates",
          "subject",
          "sensitive");

  private SecretSpans() {}

  public static List<Span> of(SourceFile source, Optional<JsonValue> root) {
    // One copy of the text as an array: the scans below index it (a String.charAt per character was
    // most of their cost while a batch's first files run interpreted).
    char[] text = source.text().toCharArray();
    List<Span> passwords = new ArrayList<>();
    List<Span> out = new ArrayList<>(lexical(text, root.isEmpty(), passwords));
    out.addAll(byWord(text, passwords));
    if (root.isPresent()) {
      sensitiveHeaders(root.get(), out);
    }
    if (!passwords.isEmpty()) {
      elsewhere(source.text(), passwords, out);
    }
    return Span.ordered(out);
  }

  /** Every other place a password's text stands, as written and with its escapes undone. */
  private static void elsewhere(String text, List<Span> passwords, List<Span> out) {
    List<String> searched = new ArrayList<>();
    for (Span p : passwords) {
      String raw = text.substring(p.start(), p.end());
      boolean quoted =
          raw.length() >= 2
              && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
              && raw.charAt(raw.length() - 1) == raw.charAt(0);
      String inner = quoted ? raw.substring(1, raw.length() - 1) : raw.strip();
      for (String form :
          List.of(
              inner,
              inner.indexOf('\\') >= 0 ? decode(inner.toCharArray(), 0, inner.length()) : inner)) {
        if (form.length() >= MIN_SEARCHED && !searched.contains(form)) {
          searched.add(form);
        }
      }
    }
    for (String form : searched) {
      for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        out.add(new Span(at, at + form.length()));
      }
    }
  }

  /**
   * The same values found without trusting the quotes: every "password" or "username", in any case,
   * followed by an optional quote and a colon. A broken file can pair its quotes so that the key
   * looks like the inside of a string ({@code "email.smtp#: { "password": "…"}); masking too much
   * there costs nothing, masking too little shows the password.
   */
  static List<Span> byWord(char[] text, List<Span> passwords) {
    // ASCII case folded in a copy, so offsets stay those of the text; then String.indexOf does the
    // scan.
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
    String lower = new String(folded);
    List<Span> out = new ArrayList<>();
    for (String key : SECRET_WORDS) {
      for (int i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + key.length())) {
        int after = i + key.length();
        if (after < text.length && (text[after] == '"' || text[after] == '\'')) {
          after++;
        }
        maskValue(text, after, out, key.equals("username") ? null : passwords);
      }
    }
    return out;
  }

  /**
   * Values of the secret keys, however the key is quoted or the value spelt; the spans of password
   * values also go to {@code passwords}. {@code unparsed}: the file does not parse, so every string
   * value but those of known non-secret settings is masked too, and URL userinfo in any string.
   */
  static List<Span> lexical(char[] text, boolean unparsed, List<Span> passwords) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    int n = text.length;
    String lastKey = "";
    while (i < n) {
      char c = text[i];
      if (c == '/' && i + 1 < n && (text[i + 1] == '/' || text[i + 1] == '*')) {
        i = skipComment(text, i);
      } else if (c == '"' || c == '\'') {
        int end = stringEnd(text, i);
        boolean isKey = followedByColon(text, end);
        String key = isKey ? keyText(text, i + 1, Math.max(i + 1, end - 1)) : "";
        if (isKey) {
          lastKey = key;
        } else {
          userinfo(text, i + 1, end, out);
          if (unparsed && end > i + 2 && !NOT_SECRET.contains(SecretKeys.folded(lastKey))) {
            out.add(new Span(i, end));
          }
        }
        i = end;
        if (isKey && SecretKeys.isSecret(key)) {
          i = maskValue(text, i, out, SecretKeys.isPassword(key) ? passwords : null);
        }
      } else if (Character.isLetter(c)) {
        int end = i;
        while (end < n
            && (Character.isLetterOrDigit(text[end]) || text[end] == '_' || text[end] == '-')) {
          end++;
        }
        // A bare word is a key only before a colon (true, false, null and broken values are not).
        String key =
            end - i <= SecretKeys.MAX_KEY_LENGTH && followedByColon(text, end)
                ? new String(text, i, end - i)
                : "";
        i = end;
        if (SecretKeys.isSecret(key)) {
          i = maskValue(text, i, out, SecretKeys.isPassword(key) ? passwords : null);
        }
      } else {
        i++;
      }
    }
    return out;
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

  private static int lineEnd(char[] text, int from) {
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
  private static String decode(char[] text, int from, int to) {
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

  /** additionalHeaders entries with "sensitive": true: their values. */
  private static void sensitiveHeaders(JsonValue value, List<Span> out) {
    if (value instanceof JsonValue.Obj o) {
      if (o.get("sensitive").orElse(null) instanceof JsonValue.Bool b
          && b.value()
          && o.get("value").isPresent()) {
        out.add(o.get("value").get().span());
      }
      for (JsonValue.Member m : o.members()) {
        sensitiveHeaders(m.value(), out);
      }
    } else if (value instanceof JsonValue.Arr a) {
      for (JsonValue item : a.items()) {
        sensitiveHeaders(item, out);
      }
    }
  }
}
