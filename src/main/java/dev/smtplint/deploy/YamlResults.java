package dev.smtplint.deploy;

import dev.smtplint.check.Linter;
import dev.smtplint.manifest.Manifest;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML file's results, one per config it holds, shown as one (SPEC §9). */
public final class YamlResults {
  private YamlResults() {}

  /**
   * Whether a result is a YAML file's that the report shows once however many configs of the file
   * were judged, each in its own list (one with a probe, or an internal error, stays apart).
   */
  public static boolean mergeable(FileResult r) {
    return (Manifest.isYamlName(r.path()) || isYamlOnStandardInput(r))
        && r.probe().isEmpty()
        && r.internalError().isEmpty();
  }

  /** Unnamed standard input that was read as YAML (its results are one file's too). */
  private static boolean isYamlOnStandardInput(FileResult r) {
    return r.path().equals("-")
        && r.source().isPresent()
        && Manifest.looksLikeYaml(r.source().get().text());
  }

  /** One YAML file's results: findings in order of place, every mask of every part. */
  public static FileResult merged(List<FileResult> parts) {
    List<Finding> findings = new ArrayList<>();
    List<dev.smtplint.config.Span> masked = new ArrayList<>();
    Optional<dev.smtplint.config.SourceFile> source = Optional.empty();
    // the parts of one file carry its one list of masks (the whole file's): added once, not once a
    // part (700 parts of a 2,000-object manifest sorted 2 million spans)
    Map<List<dev.smtplint.config.Span>, Boolean> seen = new java.util.IdentityHashMap<>();
    for (FileResult p : parts) {
      findings.addAll(p.findings());
      if (seen.put(p.masked(), Boolean.TRUE) == null) {
        masked.addAll(p.masked());
      }
      source = source.isPresent() ? source : p.source();
    }
    findings.sort(Linter.BY_PLACE);
    return new FileResult(parts.get(0).path(), source, findings, Optional.empty(), masked);
  }
}
