package dev.smtplint.check;

import dev.smtplint.report.Severity;
import java.util.Locale;
import java.util.Optional;

/** The lowest severity that makes the exit code 1, or never. */
public enum FailOn {
  ERROR,
  WARNING,
  INFO,
  NEVER;

  public Optional<Severity> threshold() {
    return this == NEVER ? Optional.empty() : Optional.of(Severity.valueOf(name()));
  }

  public static Optional<FailOn> parse(String text) {
    for (FailOn f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
