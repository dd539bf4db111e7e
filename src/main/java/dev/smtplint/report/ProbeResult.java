package dev.smtplint.report;

import java.util.List;

/** The outcome of a probe: the stages in the order they ran. */
public record ProbeResult(boolean ok, List<ProbeStage> stages) {
  public ProbeResult {
    stages = List.copyOf(stages);
  }
}
