package dev.smtplint.check;

import dev.smtplint.report.Severity;
import java.util.Locale;
import java.util.Optional;

/** The lowest severity that makes the exit code 1, or never. */
public enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  INFO(Severity.INFO),
  NEVER(null);

  /** Asked of every result of a run: kept, not looked up by name each time. */
  private final Optional<Severity> threshold;

  FailOn(Severity threshold) {
    this.threshold = Optional.ofNullable(threshold);
  }

  public Optional<Severity> threshold() {
    return threshold;
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
