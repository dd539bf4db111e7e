package dev.smtplint.deploy;

import dev.smtplint.check.Judgement;
import dev.smtplint.check.Linter;
import dev.smtplint.check.Outcome;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import dev.smtplint.manifest.Deployments;
import dev.smtplint.manifest.Embedded;
import dev.smtplint.manifest.Manifest;
import dev.smtplint.manifest.Workload;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.rules.Releases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run says of the frontends themselves, beside their lists' findings: two that load the same
 * files (one list), one that loads none (its config is in the database), a list a release before
 * 3.34 reads as one path.
 */
final class Frontends {
  private Frontends() {}

  /**
   * A ':' list given to a release that reads SITE_CONFIG_FILE as one path (before 3.34): no file
   * has that name, so the frontend cannot read its site config (SPEC §7,
   * site-config-file-unmounted). The list is judged as meant all the same.
   */
  static Optional<Judgement> withOnePathOnly(
      Optional<Judgement> judgement,
      Deployments.Plan plan,
      Linter release,
      Map<SourceFile, List<Span>> secrets) {
    Workload w = plan.workload();
    if (judgement.isEmpty()
        || plan.members().size() < 2
        || w.siteConfigFile().isEmpty()
        || Releases.holds("siteConfigFileList", release.settings().release())
            != Releases.Holds.NO) {
      return judgement;
    }
    Finding f =
        ManifestFindings.finding(
                dev.smtplint.rules.Catalogue.SITE_CONFIG_FILE_UNMOUNTED,
                w.yaml().path(),
                w.siteConfigFile().get().at(),
                w.label()
                    + ": Sourcegraph "
                    + release.settings().release().get()
                    + " reads SITE_CONFIG_FILE as one path (lists joined by ':' arrived in 3.34):"
                    + " no file has that name, so the frontend cannot read its site config; give it"
                    + " one file, or run 3.34 or later")
            .about(ManifestFindings.object(w));
    List<FileResult> results = new ArrayList<>(judgement.get().results());
    results.add(
        new FileResult(
            w.yaml().path(),
            Optional.of(w.yaml()),
            release.withSettings(List.of(f)),
            Optional.empty(),
            secrets.getOrDefault(w.yaml(), List.of())));
    Judgement j = judgement.get();
    return Optional.of(new Judgement(j.name(), results, j.judged(), j.view()));
  }

  /** A plan's files, in order, and the image that names its release. */
  static String listKey(
      Deployments.Plan plan, java.util.function.Function<Embedded, Optional<SourceFile>> own) {
    StringBuilder key = new StringBuilder(plan.workload().image().orElse("")).append('\n');
    for (Deployments.Member m : plan.members()) {
      Optional<SourceFile> file =
          m instanceof Deployments.InManifest in ? own.apply(in.config()) : Optional.empty();
      if (file.isPresent()) { // a generator's value judged as its file: the file, as a walk has it
        key.append("F\0").append(Path.of(file.get().path()).toAbsolutePath().normalize());
      } else if (m instanceof Deployments.InManifest in) {
        Embedded e = in.config();
        key.append("M\0")
            .append(e.yaml().path())
            .append('\0')
            .append(e.object())
            .append('\0')
            .append(e.key());
      } else {
        Deployments.LocalFile f = (Deployments.LocalFile) m;
        Path dir = Path.of(f.yaml().path()).toAbsolutePath().getParent();
        key.append("F\0")
            .append(dir == null ? f.localPath() : dir.resolve(f.localPath()).normalize());
      }
      key.append('\n');
    }
    return key.toString();
  }

  /**
   * Frontends that load no SITE_CONFIG_FILE, where no frontend does: Sourcegraph keeps their site
   * config in its database (edited in the admin UI), which no manifest shows; said, not silent.
   */
  static List<Outcome> databaseConfigured(List<Manifest> manifests) {
    List<Outcome> out = new ArrayList<>();
    for (Manifest m : manifests) {
      for (Workload w : m.workloads()) {
        if (w.frontend() && w.siteConfigFile().isEmpty()) {
          out.add(
              new Outcome(
                  Optional.of(new Judgement(m.yaml().path(), List.of(), Optional.empty())),
                  List.of(
                      "note: "
                          + m.yaml().path()
                          + ": "
                          + w.label()
                          + " runs a Sourcegraph frontend without SITE_CONFIG_FILE: its site"
                          + " config lives in Sourcegraph's database (the admin UI); lint it with"
                          + " --instance")));
        }
      }
    }
    return out;
  }
}
