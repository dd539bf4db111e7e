package dev.smtplint.report;

import java.util.List;

/**
 * The outcome of a probe: the stages in the order they ran (none when the probe was not run
 * because the static check found errors) and the redacted protocol transcript for --verbose.
 */
public record ProbeResult(boolean ok, List<ProbeStage> stages, List<String> transcript) {
  public ProbeResult {
    stages = List.copyOf(stages);
    transcript = List.copyOf(transcript);
  }

  /** The probe was not run: the file has errors that would stop Sourcegraph anyway. */
  public static ProbeResult notRun() {
    return new ProbeResult(false, List.of(), List.of());
  }
}
