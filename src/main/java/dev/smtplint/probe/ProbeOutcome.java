package dev.smtplint.probe;

import dev.smtplint.report.ProbeResult;
import java.util.List;

/** The stages the probe ran, what went wrong, and the redacted protocol transcript. */
public record ProbeOutcome(ProbeResult result, List<Failure> failures, List<String> transcript) {
  public ProbeOutcome {
    failures = List.copyOf(failures);
    transcript = List.copyOf(transcript);
  }
}
