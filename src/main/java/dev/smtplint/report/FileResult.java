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
    String path,
    Optional<SourceFile> source,
    List<Finding> findings,
    Optional<ProbeResult> probe,
    List<Span> masked,
    Optional<String> internalError) {
  public FileResult {
    findings = List.copyOf(findings);
    masked = Span.ordered(masked); // formatters find a line's masks by binary search
  }

  public FileResult(
      String path,
      Optional<SourceFile> source,
      List<Finding> findings,
      Optional<ProbeResult> probe,
      List<Span> masked) {
    this(path, source, findings, probe, masked, Optional.empty());
  }

  /**
   * A file whose check failed inside smtplint (a bug): it is reported as such, in every format, and
   * the run goes on with the other files (exit 3 at the end).
   */
  public static FileResult internalError(String path, Throwable error) {
    return new FileResult(
        path,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of(),
        Optional.of(
            "internal error: "
                + error.getClass().getSimpleName()
                + " (a bug in smtplint; run again with --debug for the stack trace, and please report it)"));
  }

  public FileResult withProbe(ProbeResult result, List<Finding> more) {
    return new FileResult(path, source, plus(more), Optional.of(result), masked, internalError);
  }

  /** The same file with more findings (a probe finding about a setting this file supplied). */
  public FileResult withFindings(List<Finding> more) {
    return more.isEmpty()
        ? this
        : new FileResult(path, source, plus(more), probe, masked, internalError);
  }

  /** The same file with these findings in place of its own (a message added to one). */
  public FileResult withFindingsReplaced(List<Finding> replaced) {
    return new FileResult(path, source, replaced, probe, masked, internalError);
  }

  /**
   * The same result without its source when no finding quotes it (and no probe will add one), nor
   * its masks: with nothing shown, there is nothing to mask (a mask not yet scanned holds the
   * text).
   */
  public FileResult withoutUnneededSource() {
    return findings.isEmpty() && source.isPresent()
        ? new FileResult(path, Optional.empty(), findings, probe, List.of(), internalError)
        : this;
  }

  private List<Finding> plus(List<Finding> more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more);
    return all;
  }
}
