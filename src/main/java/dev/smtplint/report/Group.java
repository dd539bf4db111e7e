package dev.smtplint.report;

/** The catalogue's sections, as SPEC §7 orders them. */
public enum Group {
  SYNTAX("Syntax and schema"),
  FAILS("Sourcegraph would fail to send"),
  SECURITY("Security"),
  CORRECTNESS("Correctness"),
  PROVIDER("Provider knowledge"),
  PROBE("Probe");

  private final String label;

  Group(String label) {
    this.label = label;
  }

  /** The section's heading, as `rules`, `explain`, SARIF and docs/rules.md print it. */
  public String label() {
    return label;
  }
}
