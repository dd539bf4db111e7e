package dev.smtplint.report;

import java.util.List;

/** The stages the probe ran (with the redacted transcript) and what went wrong. */
public record ProbeOutcome(ProbeResult result, List<ProbeFailure> failures) {
  public ProbeOutcome {
    failures = List.copyOf(failures);
  }
}
