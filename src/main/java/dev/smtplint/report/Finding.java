package dev.smtplint.report;

import java.util.Optional;

/** One problem, found by a rule, the schema check, the reader or the probe. */
public record Finding(
    String rule,
    Severity severity,
    String message,
    Location location,
    Optional<Fix> fix,
    Optional<ObjectRef> object) {
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

  public Finding(
      String rule, Severity severity, String message, Location location, Optional<Fix> fix) {
    this(rule, severity, message, location, fix, Optional.empty());
  }

  public Finding(String rule, Severity severity, String message, Location location) {
    this(rule, severity, message, location, Optional.empty(), Optional.empty());
  }

  public Finding withSeverity(Severity other) {
    return new Finding(rule, other, message, location, fix, object);
  }

  public Finding withMessage(String other) {
    return new Finding(rule, severity, other, location, fix, object);
  }

  public Finding withLocation(Location other) {
    return new Finding(rule, severity, message, other, fix, object);
  }

  public Finding withFix(Optional<Fix> other) {
    return new Finding(rule, severity, message, location, other, object);
  }

  /** The same finding about a deployment's object (SPEC §4). */
  public Finding about(ObjectRef other) {
    return new Finding(rule, severity, message, location, fix, Optional.of(other));
  }
}
