package dev.smtplint.check;

import dev.smtplint.report.FileResult;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One unit's findings per file and, when it was judged and a probe follows, what the probe needs.
 * {@code view}: how results are shown (a manifest's: moved into its YAML).
 */
public record Judgement(
    String name,
    List<FileResult> results,
    Optional<Linter.Judged> judged,
    UnaryOperator<List<FileResult>> view) {
  public Judgement(String name, List<FileResult> results, Optional<Linter.Judged> judged) {
    this(name, results, judged, AS_JUDGED);
  }

  /** The results after the probe, seen as the judged results are (a manifest's: in its YAML). */
  public Judgement probed(List<FileResult> probedResults) {
    return new Judgement(name, view.apply(probedResults), judged, view);
  }

  /** Results shown as the linter judged them (an anonymous class: no lambda on the lint path). */
  private static final UnaryOperator<List<FileResult>> AS_JUDGED =
      new UnaryOperator<>() {
        @Override
        public List<FileResult> apply(List<FileResult> results) {
          return results;
        }
      };
}
