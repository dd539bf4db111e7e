package dev.smtplint.rules;

import java.util.Optional;

/**
 * Values that are still a variable or template reference, which something other than Sourcegraph
 * was meant to expand: {@code ${NAME}}, {@code {{ .Values.x }}}, a whole value {@code $NAME} or
 * {@code %NAME%}. One linear scan, no regex (no input may make a rule slower than linear).
 */
final class Variables {
  private Variables() {}

  /**
   * Whether the value has a character a reference starts with: most have none, and need no scan.
   */
  private static boolean mayHold(String value) {
    return value.indexOf('$') >= 0 || value.indexOf('{') >= 0 || value.indexOf('%') >= 0;
  }

  /** The first reference in the value, as written; empty when there is none. */
  static Optional<String> reference(String value) {
    if (!mayHold(value)) {
      return Optional.empty(); // most values: no scan
    }
    int n = value.length();
    for (int i = 0; i + 1 < n; i++) {
      char c = value.charAt(i);
      char next = value.charAt(i + 1);
      if (c == '$' && next == '{' && i + 2 < n && isNameStart(value.charAt(i + 2))) {
        int close = value.indexOf('}', i + 2);
        if (close > 0) {
          return Optional.of(value.substring(i, close + 1));
        }
      } else if (c == '{' && next == '{') {
        int close = value.indexOf("}}", i + 2);
        if (close > 0 && !value.substring(i + 2, close).isBlank()) {
          return Optional.of(value.substring(i, close + 2));
        }
      }
    }
    String trimmed = value.strip();
    if (trimmed.length() >= 2
        && trimmed.charAt(0) == '$'
        && isEnvironmentName(trimmed, 1, trimmed.length())) {
      return Optional.of(trimmed);
    }
    if (trimmed.length() >= 3
        && trimmed.charAt(0) == '%'
        && trimmed.charAt(trimmed.length() - 1) == '%'
        && isEnvironmentName(trimmed, 1, trimmed.length() - 1)) {
      return Optional.of(trimmed);
    }
    return Optional.empty();
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /**
   * An environment variable's name as people write them for this: capitals, digits and underscores,
   * starting with a capital or underscore ("SMTP_PASSWORD"). Lower case is left alone: "$ecret" is
   * a password.
   */
  private static boolean isEnvironmentName(String s, int from, int to) {
    if (from >= to
        || !(s.charAt(from) == '_' || (s.charAt(from) >= 'A' && s.charAt(from) <= 'Z'))) {
      return false;
    }
    boolean letter = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean upper = c >= 'A' && c <= 'Z';
      letter |= upper;
      if (!(upper || c == '_' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return letter;
  }
}
