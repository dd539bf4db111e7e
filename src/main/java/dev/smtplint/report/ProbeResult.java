package dev.smtplint.report;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a probe: the stages in the order they ran (none when the probe was not run), the
 * redacted protocol transcript for --verbose, and, when it did not run, why.
 */
public record ProbeResult(
    boolean ok, List<ProbeStage> stages, List<String> transcript, Optional<String> notRun) {
  public ProbeResult {
    stages = List.copyOf(stages);
    transcript = List.copyOf(transcript);
  }

  public ProbeResult(boolean ok, List<ProbeStage> stages, List<String> transcript) {
    this(ok, stages, transcript, Optional.empty());
  }

  /**
   * The probe was not run, for this reason (a sentence without a secret: no email.smtp, errors, an
   * absent file).
   */
  public static ProbeResult notRun(String reason) {
    return new ProbeResult(false, List.of(), List.of(), Optional.of(reason));
  }
}
