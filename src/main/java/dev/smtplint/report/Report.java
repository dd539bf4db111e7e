package dev.smtplint.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one run over all inputs, in the order they were given; {@code inputErrors}: why an
 * input was not read at all ("nosuch.json: no such file"), so machine formats name it too; {@code
 * judgedFor}: the Sourcegraph releases the verdicts are for, each with where it came from (empty:
 * the newest behaviour smtplint knows, {@link #NEWEST}); {@code failOn}: each file's threshold,
 * index for index (empty: the formatter's one threshold for all).
 */
public record Report(
    String toolVersion,
    List<FileResult> files,
    List<RuleInfo> rules,
    List<String> inputErrors,
    List<String> judgedFor,
    List<Optional<Severity>> failOn) {
  /** What a report judged for when nothing named a release. */
  public static final String NEWEST = "the newest release smtplint knows";

  public Report {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
    inputErrors = List.copyOf(inputErrors);
    judgedFor = List.copyOf(judgedFor);
    failOn = List.copyOf(failOn);
    if (!failOn.isEmpty() && failOn.size() != files.size()) {
      throw new IllegalArgumentException("a threshold for each file, or none");
    }
  }

  /** A report whose files share one threshold, the formatter's own. */
  public Report(
      String toolVersion,
      List<FileResult> files,
      List<RuleInfo> rules,
      List<String> inputErrors,
      List<String> judgedFor) {
    this(toolVersion, files, rules, inputErrors, judgedFor, List.of());
  }

  /**
   * The severity from which file {@code index}'s findings fail the run (empty: none does, "never"):
   * each file's own settings (SPEC §5), else {@code shared}.
   */
  public Optional<Severity> failOn(int index, Optional<Severity> shared) {
    return failOn.isEmpty() ? shared : failOn.get(index);
  }

  public Report(
      String toolVersion, List<FileResult> files, List<RuleInfo> rules, List<String> inputErrors) {
    this(toolVersion, files, rules, inputErrors, List.of());
  }

  public Report(String toolVersion, List<FileResult> files, List<RuleInfo> rules) {
    this(toolVersion, files, rules, List.of());
  }

  /**
   * The releases judged for, as the report names them ("Sourcegraph 5.2 (--sourcegraph-version)").
   */
  public List<String> judgedForNamed() {
    return judgedFor.isEmpty() ? List.of(NEWEST) : judgedFor;
  }

  public Map<Severity, Integer> counts() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    int[] n = new int[Severity.values().length];
    for (FileResult f : files) {
      count(f, n);
    }
    for (Severity s : Severity.values()) {
      counts.put(s, n[s.ordinal()]);
    }
    return counts;
  }

  /** A method per file, not a loop body: a loop run once per report is never compiled. */
  private static void count(FileResult file, int[] n) {
    for (Finding x : file.findings()) {
      n[x.severity().ordinal()]++;
    }
  }

  /** Whether smtplint failed on some file (exit 3). */
  public boolean anyInternalError() {
    for (FileResult f : files) {
      if (f.internalError().isPresent()) {
        return true;
      }
    }
    return false;
  }

  public boolean anyAtLeast(Severity threshold) {
    for (FileResult file : files) {
      for (Finding f : file.findings()) {
        if (f.severity().atLeast(threshold)) {
          return true;
        }
      }
    }
    return false;
  }
}
