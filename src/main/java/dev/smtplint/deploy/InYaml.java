package dev.smtplint.deploy;

import dev.smtplint.check.Judgement;
import dev.smtplint.check.Outcome;
import dev.smtplint.config.Position;
import dev.smtplint.config.Span;
import dev.smtplint.fix.BlockFixes;
import dev.smtplint.manifest.Embedded;
import dev.smtplint.manifest.Placement;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Location;
import dev.smtplint.report.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of site configs held in YAML values, shown in their YAML files: positions, masks and
 * the fixes a literal block can take moved into the YAML, and a fixed file quoted as fixed.
 */
final class InYaml {
  private InYaml() {}

  /**
   * The report quotes a fixed YAML file as fixed (its block's lines replaced, line for line),
   * masked as that text is; a file whose fixes were not written back is reported as it was read.
   */
  static void quoteFixed(
      List<Outcome> out,
      Map<String, BlockFixes.Written> written,
      List<String> refused,
      Map<FileResult, FileResult> asRead) {
    if (written.isEmpty() && refused.isEmpty()) {
      return;
    }
    for (int i = 0; i < out.size(); i++) {
      Outcome o = out.get(i);
      if (o.judgement().isEmpty()) {
        continue;
      }
      Judgement j = o.judgement().get();
      List<FileResult> results = new ArrayList<>();
      for (FileResult r : j.results()) {
        BlockFixes.Written after = written.get(r.path());
        FileResult read = asRead.get(r);
        if (refused.contains(r.path()) && read != null) {
          results.add(read);
        } else if (after == null) {
          results.add(r);
        } else {
          results.add(
              new FileResult(
                  r.path(),
                  Optional.of(after.text()),
                  r.findings(),
                  r.probe(),
                  after.secrets(),
                  r.internalError()));
        }
      }
      out.set(
          i,
          new Outcome(
              Optional.of(new Judgement(j.name(), results, j.judged(), j.view())), o.errors()));
    }
  }

  /** Whether a finding in a YAML-held config carries a fix. */
  static boolean anyFix(List<FileResult> results, Map<String, Embedded> byName) {
    for (FileResult r : results) {
      if (byName.containsKey(r.path())) {
        for (Finding f : r.findings()) {
          if (f.fix().isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * A config's results, moved into its YAML file: positions and fixes a block can take; the masks
   * are the YAML file's own ({@code masks}: its whole text's, which cover the config's).
   */
  static FileResult inYaml(FileResult r, Embedded e, List<Span> masks) {
    Placement placement = e.placement();
    String path = e.yaml().path();
    List<Finding> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      Location l = f.location();
      Position start = placement.toYaml(new Position(l.line(), l.column()));
      Position end = placement.toYaml(new Position(l.endLine(), l.endColumn()));
      Location moved = Location.of(path, start, end.equals(start) ? start : end, l.pointer());
      findings.add(
          new Finding(
                  f.rule(),
                  f.severity(),
                  f.message() + " [" + e.label() + "]",
                  moved,
                  placement instanceof Placement.Block block && f.fix().isPresent()
                      ? Optional.of(inBlock(f.fix().get(), block))
                      : Optional.<Fix>empty())
              .about(
                  new ObjectRef(e.kind(), e.namespace(), e.name(), e.key(), "", e.renderedFrom())));
    }
    return new FileResult(
        path, Optional.of(e.yaml()), findings, r.probe(), masks, r.internalError());
  }

  /**
   * A fix's edits moved into the YAML block: offsets mapped, each new line indented as the block.
   */
  private static Fix inBlock(Fix fix, Placement.Block block) {
    List<Fix.Edit> edits = new ArrayList<>();
    String indent = " ".repeat(block.indent());
    for (Fix.Edit e : fix.edits()) {
      edits.add(
          new Fix.Edit(
              block.offset(e.start()),
              block.offset(e.end()),
              e.replacement().replace("\n", "\n" + indent)));
    }
    return new Fix(fix.safety(), fix.description(), edits);
  }
}
