package dev.smtplint.report;

/** One problem, found by a rule, the schema check, the reader or the probe. */
public record Finding(String rule, Severity severity, String message, Location location) {
  /** Messages quote values; a quoted value of megabytes must not make a report of megabytes per finding. */
  static final int MAX_MESSAGE = 2_000;

  public Finding {
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
  }

  public Finding withSeverity(Severity other) {
    return new Finding(rule, other, message, location);
  }
}
