package dev.smtplint.cli;

/** The exit codes of SPEC §3. */
final class ExitCode {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  private ExitCode() {}
}
