package dev.smtplint.report;

import dev.smtplint.config.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything found about one input file, findings sorted by position. {@code secrets} are the
 * values no output may show (the password, sensitive header values): formatters that quote
 * source lines mask them.
 */
public record FileResult(
    String path, Optional<SourceFile> source, List<Finding> findings, Optional<ProbeResult> probe, Set<String> secrets) {
  public FileResult {
    findings = List.copyOf(findings);
    secrets = Set.copyOf(secrets);
  }

  public FileResult withProbe(ProbeResult result, List<Finding> more) {
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.addAll(more);
    return new FileResult(path, source, all, Optional.of(result), secrets);
  }
}
