package dev.smtplint.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a source text that no output may show: the value of every {@code password} and
 * {@code username} key (the two settings Sourcegraph itself redacts, as {@code REDACTED}) and of
 * every {@code additionalHeaders} entry marked {@code sensitive}. Found by a scan of the text, not
 * of the parsed tree, so that a file that does not parse is masked too: from the key, past any
 * comments and the colon, to the end of the value as written (escapes and all), or to the end of
 * the line when the value is not a complete string. Linear in the text.
 */
public final class SecretSpans {
  /** In a fixed order: the spans found must not depend on a set's iteration order. */
  private static final List<String> SECRET_KEYS = List.of("password", "username");

  private SecretSpans() {}

  public static List<Span> of(SourceFile source, Optional<JsonValue> root) {
    // One copy of the text as an array: the scans below index it (a String.charAt per character was
    // most of their cost while a batch's first files run interpreted).
    char[] text = source.text().toCharArray();
    List<Span> out = new ArrayList<>(lexical(text));
    out.addAll(byWord(text));
    if (root.isPresent()) {
      sensitiveHeaders(root.get(), out);
    }
    return merged(out);
  }

  /** No lambda on the lint path (LambdaFreeTest). */
  private static final Comparator<Span> BY_START = new Comparator<>() {
    @Override
    public int compare(Span a, Span b) {
      return Integer.compare(a.start(), b.start());
    }
  };

  /** Sorted, with overlapping spans joined: what the excerpt window expects. */
  private static List<Span> merged(List<Span> spans) {
    spans.sort(BY_START);
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s.start() <= last.end()) {
        out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
      } else {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The same values found without trusting the quotes: every "password" or "username", in any case,
   * followed by an optional quote and a colon. A broken file can pair its quotes so that the key
   * looks like the inside of a string ({@code "email.smtp#: { "password": "…"}); masking too much
   * there costs nothing, masking too little shows the password.
   */
  static List<Span> byWord(char[] text) {
    // ASCII case folded in a copy, so offsets stay those of the text; then String.indexOf does the scan.
    char[] folded = text.clone();
    for (int i = 0; i < folded.length; i++) {
      char c = folded[i];
      if (c >= 'A' && c <= 'Z') {
        folded[i] = (char) (c + 32);
      }
    }
    String lower = new String(folded);
    List<Span> out = new ArrayList<>();
    for (String key : SECRET_KEYS) {
      for (int i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + key.length())) {
        int after = i + key.length();
        if (after < text.length && (text[after] == '"' || text[after] == '\'')) {
          after++;
        }
        maskValue(text, after, out);
      }
    }
    return out;
  }

  /** Values of the secret keys, however the key is quoted or the value spelt. */
  static List<Span> lexical(char[] text) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    int n = text.length;
    while (i < n) {
      char c = text[i];
      if (c == '/' && i + 1 < n && (text[i + 1] == '/' || text[i + 1] == '*')) {
        i = skipComment(text, i);
      } else if (c == '"' || c == '\'') {
        int end = stringEnd(text, i);
        boolean secret = isSecretKey(text, i + 1, Math.max(i + 1, end - 1));
        i = end;
        if (secret) {
          i = maskValue(text, i, out);
        }
      } else if (Character.isLetter(c)) {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(text[end]) || text[end] == '_')) {
          end++;
        }
        boolean secret = isSecretKey(text, i, end);
        i = end;
        if (secret) {
          i = maskValue(text, i, out);
        }
      } else {
        i++;
      }
    }
    return out;
  }

  /** Whether text[from, to) spells a secret key, in any case, JSON escapes undone. */
  private static boolean isSecretKey(char[] text, int from, int to) {
    boolean escaped = false;
    for (int i = from; i < to && !escaped; i++) {
      escaped = text[i] == '\\';
    }
    String key;
    if (escaped) {
      key = decode(text, from, to).toLowerCase(Locale.ROOT);
    } else if (isKeyLength(to - from)) {
      key = new String(text, from, to - from).toLowerCase(Locale.ROOT);
    } else {
      return false; // without an escape, only as many characters as a key has can spell it
    }
    return SECRET_KEYS.contains(key);
  }

  private static boolean isKeyLength(int length) {
    for (String k : SECRET_KEYS) {
      if (k.length() == length) {
        return true;
      }
    }
    return false;
  }

  /** After a secret key: when a colon follows (past spaces and comments), the value's span; returns where to go on. */
  private static int maskValue(char[] text, int from, List<Span> out) {
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
      return start; // not a scalar; its members are scanned as usual
    } else {
      end = lineEnd(text, start); // a bare token: everything to the end of the line
    }
    out.add(new Span(start, end));
    return end;
  }

  /** Just past the closing quote of the string that opens at {@code start}, or the end of its line. */
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
      if (o.get("sensitive").orElse(null) instanceof JsonValue.Bool b && b.value() && o.get("value").isPresent()) {
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
