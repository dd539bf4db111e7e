package dev.smtplint.report;

/** One problem, found by a rule, the schema check, the reader or the probe. */
public record Finding(String rule, Severity severity, String message, Location location) {
  public Finding withSeverity(Severity other) {
    return new Finding(rule, other, message, location);
  }
}
