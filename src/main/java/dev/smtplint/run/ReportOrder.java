package dev.smtplint.run;

import dev.smtplint.check.FailOn;
import dev.smtplint.check.Judgement;
import dev.smtplint.check.YamlComments;
import dev.smtplint.deploy.YamlResults;
import dev.smtplint.probe.ProbeListener;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The judged units' results in the report's order, each with its threshold (SPEC §5), probed first
 * when the run probes, and a YAML file's results shown as one.
 */
public final class ReportOrder {
  private ReportOrder() {}

  /** The results in order, and each one's threshold, index for index. */
  public record Collected(List<FileResult> results, List<FailOn> thresholds) {}

  /**
   * {@code results}: what comes first (the settings files' own findings, judged by {@code
   * threshold}); {@code listeners}: each unit's probe progress (only when probing).
   */
  public static Collected collect(
      List<Batches.Batch> batches,
      List<FileResult> results,
      FailOn threshold,
      Optional<ProbeRun> probeRun,
      Function<String, ProbeListener> listeners) {
    // Each result's threshold, index for index (the settings files' own findings: the report's).
    List<FailOn> thresholds = new ArrayList<>(Collections.nCopies(results.size(), threshold));
    // A YAML file's results (one per config it holds, each judged in its own list): its place in
    // the report, and the parts merged into one at the end (once, not once per config).
    Map<String, Integer> yamlAt = new HashMap<>();
    Map<Integer, List<FileResult>> yamlParts = new HashMap<>();
    for (Batches.Batch b : batches) {
      List<Judgement> done =
          probeRun.isPresent()
              ? Probes.all(b.units(), probeRun.get(), b.checks(), b.linter(), listeners)
              : b.units();
      for (Judgement u : done) {
        FailOn own = b.settings().failOn().orElse(FailOn.ERROR);
        for (FileResult r : u.results()) {
          boolean yaml = YamlResults.mergeable(r); // asked once: for standard input it reads
          Integer same = yaml ? yamlAt.get(r.path()) : null;
          if (same != null) {
            yamlParts.get(same).add(r); // one YAML file, several configs
          } else {
            if (yaml) {
              yamlAt.put(r.path(), results.size());
              yamlParts.put(results.size(), new ArrayList<>(List.of(r)));
            }
            results.add(r);
            thresholds.add(own);
          }
        }
      }
    }
    for (Map.Entry<Integer, List<FileResult>> e : yamlParts.entrySet()) {
      FileResult yaml =
          e.getValue().size() > 1 ? YamlResults.merged(e.getValue()) : e.getValue().get(0);
      results.set(e.getKey(), YamlComments.applied(yaml));
    }
    return new Collected(results, thresholds);
  }

  /** Each result's threshold as the report carries it (SPEC §5: each file by its own settings). */
  public static List<Optional<dev.smtplint.report.Severity>> failOn(List<FailOn> thresholds) {
    List<Optional<dev.smtplint.report.Severity>> out = new ArrayList<>(thresholds.size());
    for (FailOn t : thresholds) {
      out.add(t.threshold());
    }
    return out;
  }

  /** Whether any finding in these results is at or above the threshold (never: none is). */
  public static boolean anyAtLeast(FileResult result, FailOn threshold) {
    if (threshold.threshold().isEmpty()) {
      return false;
    }
    for (Finding f : result.findings()) {
      if (f.severity().atLeast(threshold.threshold().get())) {
        return true;
      }
    }
    return false;
  }

  /** "2 problems remain" (or "nothing remains") in these results. */
  public static String remaining(List<FileResult> results) {
    int left = 0;
    for (FileResult r : results) {
      left += r.findings().size();
    }
    return left == 0
        ? "nothing remains"
        : left + (left == 1 ? " problem remains" : " problems remain");
  }
}
