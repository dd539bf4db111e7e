package dev.smtplint.report;

import java.util.Optional;

/** One problem, found by a rule, the schema check, the reader or the probe. */
public record Finding(
    String rule, Severity severity, String message, Location location, Optional<Fix> fix) {
  /**
   * Messages quote values; a quoted value of megabytes must not make a report of megabytes per
   * finding.
   */
  static final int MAX_MESSAGE = 2_000;

  public Finding {
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
  }

  public Finding(String rule, Severity severity, String message, Location location) {
    this(rule, severity, message, location, Optional.empty());
  }

  public Finding withSeverity(Severity other) {
    return new Finding(rule, other, message, location, fix);
  }

  public Finding withMessage(String other) {
    return new Finding(rule, severity, other, location, fix);
  }

  public Finding withLocation(Location other) {
    return new Finding(rule, severity, message, other, fix);
  }

  public Finding withFix(Optional<Fix> other) {
    return new Finding(rule, severity, message, location, other);
  }
}
