package dev.smtplint.check;

import dev.smtplint.config.SourceFile;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;

/** A YAML manifest's own suppression comments ({@code #}, as a site config's are {@code //}). */
public final class YamlComments {
  private YamlComments() {}

  /**
   * A YAML file's result with its own {@code # smtplint-disable[-next-line] RULE} comments applied
   * (SPEC §5): silenced findings dropped, a name that is no rule reported, as in a site config.
   */
  public static FileResult applied(FileResult r) {
    if (r.source().isEmpty()) {
      return r;
    }
    SourceFile yaml = r.source().get();
    Suppressions suppressions = Suppressions.parse(yaml, "#");
    if (suppressions.names().isEmpty()) {
      return r;
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : r.findings()) {
      if (!suppressions.silences(f.rule(), f.location().line())) {
        out.add(f);
      }
    }
    for (Suppressions.Named n : suppressions.names()) {
      if (!Catalogue.exists(n.rule())) {
        out.add(Linter.unknownRule(n, r.path()));
      }
    }
    out.sort(Linter.BY_PLACE);
    return new FileResult(r.path(), r.source(), out, r.probe(), r.masked());
  }
}
