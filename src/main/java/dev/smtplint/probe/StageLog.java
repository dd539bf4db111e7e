package dev.smtplint.probe;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import dev.smtplint.report.ProbeStage;
import java.util.ArrayList;
import java.util.List;

/** The probe's record of steps: which one is running, how long each took, and what failed. */
final class StageLog {
  private final List<ProbeStage> stages = new ArrayList<>();
  private final List<ProbeFailure> failures = new ArrayList<>();
  private final ProbeListener listener;
  private final Redactor redactor;
  private Stage current;
  private long started;

  StageLog(ProbeListener listener, Redactor redactor) {
    this.listener = listener;
    this.redactor = redactor;
  }

  void begin(Stage stage) {
    current = stage;
    started = System.nanoTime();
    listener.started(stage.label());
  }

  Stage current() {
    return current;
  }

  void end(boolean ok, String detail) {
    end(ok, detail, false);
  }

  /** The step was not taken (nothing offered, nothing to send): not a failure, not a pass. */
  void skip(String detail) {
    end(true, detail, true);
  }

  private void end(boolean ok, String detail, boolean skipped) {
    ProbeStage stage =
        new ProbeStage(
            current.label(), ok, (System.nanoTime() - started) / 1_000_000, detail, skipped);
    stages.add(stage);
    listener.ended(
        new ProbeStage(stage.stage(), ok, stage.millis(), redactor.apply(detail), skipped));
  }

  void fail(ProbeFailure failure, String detail) {
    failures.add(failure);
    end(false, detail);
  }

  /** A finding that does not stop the probe (the not-offered warning). */
  void warn(ProbeFailure failure) {
    failures.add(failure);
  }

  List<ProbeStage> stages() {
    return stages;
  }

  List<ProbeFailure> failures() {
    return failures;
  }

  boolean ok() {
    return stages.stream().allMatch(ProbeStage::ok)
        && failures.stream().allMatch(f -> f.check() == ProbeCheck.AUTH_NOT_OFFERED);
  }
}
