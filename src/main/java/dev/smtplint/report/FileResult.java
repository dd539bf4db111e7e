package dev.smtplint.report;

import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything found about one input file, findings sorted by position. {@code masked} are the spans
 * of the source no output may show (passwords, usernames, sensitive header values, as the reader
 * located them): formatters that quote source lines mask them.
 */
public record FileResult(
    String path, Optional<SourceFile> source, List<Finding> findings, Optional<ProbeResult> probe, List<Span> masked) {
  public FileResult {
    findings = List.copyOf(findings);
    masked = List.copyOf(masked);
  }

  public FileResult withProbe(ProbeResult result, List<Finding> more) {
    return new FileResult(path, source, plus(more), Optional.of(result), masked);
  }

  /** The same file with more findings (a probe finding about a setting this file supplied). */
  public FileResult withFindings(List<Finding> more) {
    return more.isEmpty() ? this : new FileResult(path, source, plus(more), probe, masked);
  }

  private List<Finding> plus(List<Finding> more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more);
    return all;
  }
}
