package dev.smtplint.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The result of one run over all inputs, in the order they were given. */
public record Report(String toolVersion, List<FileResult> files, List<RuleInfo> rules) {
  public Report {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
  }

  public Map<Severity, Integer> counts() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    files.forEach(f -> f.findings().forEach(x -> counts.merge(x.severity(), 1, Integer::sum)));
    return counts;
  }

  /** Whether smtplint failed on some file (exit 3). */
  public boolean anyInternalError() {
    return files.stream().anyMatch(f -> f.internalError().isPresent());
  }

  public boolean anyAtLeast(Severity threshold) {
    return files.stream().flatMap(f -> f.findings().stream()).anyMatch(f -> f.severity().atLeast(threshold));
  }
}
