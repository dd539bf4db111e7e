package dev.smtplint.rules;

/** The catalogue's sections, as SPEC §7 orders them. */
final class Group {
  static final String SYNTAX = "Syntax and schema";
  static final String FAILS = "Sourcegraph would fail to send";
  static final String SECURITY = "Security";
  static final String CORRECTNESS = "Correctness";
  static final String PROVIDER = "Provider knowledge";
  static final String PROBE = "Probe";

  private Group() {}
}
