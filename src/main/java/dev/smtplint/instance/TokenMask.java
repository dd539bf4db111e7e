package dev.smtplint.instance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The access token masked in whatever a server sends back, in every form it might echo it (SPEC
 * §10): as sent, JSON-escaped, URL-encoded, base64 at any alignment (standard and URL-safe), and
 * split by line breaks or blanks between its characters. Each match becomes asterisks of its own
 * length, so positions in a site configuration stay where they were. One scan per form, each linear
 * in the text.
 */
final class TokenMask {
  private final List<String> forms;

  TokenMask(String token) {
    Set<String> all = new LinkedHashSet<>();
    all.add(token);
    all.add(token.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
    all.add(token.replace("\\", "\\\\").replace("\"", "\\\""));
    all.add(URLEncoder.encode(token, StandardCharsets.UTF_8));
    all.add(URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20"));
    byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      // The token's bytes at each alignment in a longer base64 text: the characters that depend on
      // its bytes alone (the first group, shared with what precedes, and the last, with what
      // follows, dropped).
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      int from = offset == 0 ? 0 : 4;
      int to =
          (offset + bytes.length) % 3 == 0
              ? encoded.length()
              : encoded.length() - (encoded.length() % 4 == 0 ? 4 : encoded.length() % 4);
      if (to - from >= 8) {
        String core = encoded.substring(from, to);
        all.add(core);
        all.add(core.replace('+', '-').replace('/', '_'));
      }
    }
    List<String> usable = new ArrayList<>();
    for (String form : all) {
      if (form.length() >= 4) {
        usable.add(form);
      }
    }
    this.forms = List.copyOf(usable);
  }

  /** The text with every form of the token replaced by asterisks of the same length. */
  String apply(String text) {
    char[] out = null;
    for (String form : forms) {
      for (int start = text.indexOf(form.charAt(0));
          start >= 0;
          start = text.indexOf(form.charAt(0), start + 1)) {
        int end = matchEnd(text, start, form);
        if (end > 0) {
          if (out == null) {
            out = text.toCharArray();
          }
          for (int i = start; i < end; i++) {
            out[i] = isBlank(out[i]) ? out[i] : '*';
          }
        }
      }
    }
    return out == null ? text : new String(out);
  }

  /**
   * Where {@code form} ends when it starts at {@code start}, blanks and line breaks between its
   * characters allowed; -1 if it does not.
   */
  private static int matchEnd(String text, int start, String form) {
    int at = start;
    for (int k = 0; k < form.length(); k++) {
      while (k > 0 && at < text.length() && isBlank(text.charAt(at)) && !isBlank(form.charAt(k))) {
        at++;
      }
      if (at >= text.length() || text.charAt(at) != form.charAt(k)) {
        return -1;
      }
      at++;
    }
    return at;
  }

  private static boolean isBlank(char c) {
    return c == '\n' || c == '\r' || c == ' ' || c == '\t';
  }
}
