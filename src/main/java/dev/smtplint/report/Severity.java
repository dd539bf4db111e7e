package dev.smtplint.report;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is; the order is from worst to mildest. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in every output format and in settings (once per constant). */
  private final String label = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in every output format and in settings. */
  public String label() {
    return label;
  }

  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) <= 0;
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.label().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
