package dev.smtplint.report;

/**
 * One step of a probe conversation: whether it passed, how long it took, what the server said;
 * {@code skipped}: the step was not taken (no STARTTLS offered, no AUTH offered, nothing sent
 * without --to), which is not a failure and not a pass either.
 */
public record ProbeStage(String stage, boolean ok, long millis, String detail, boolean skipped) {
  public ProbeStage(String stage, boolean ok, long millis, String detail) {
    this(stage, ok, millis, detail, false);
  }
}
