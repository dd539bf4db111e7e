package dev.smtplint.deploy;

import dev.smtplint.config.Position;
import dev.smtplint.manifest.Deployments;
import dev.smtplint.manifest.Manifest;
import dev.smtplint.manifest.Workload;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Location;
import dev.smtplint.report.ObjectRef;
import dev.smtplint.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A manifest's own findings: unmounted paths and split frontends. */
final class ManifestFindings {
  private ManifestFindings() {}

  /** The manifest's own findings: unmounted paths and split frontends. */
  static List<Finding> of(
      Manifest m, List<Deployments.Unmounted> unmounted, List<Deployments.Split> splits) {
    String path = m.yaml().path();
    List<Finding> out = new ArrayList<>();
    for (Deployments.Unmounted u : unmounted) {
      out.add(
          finding(
                  Catalogue.SITE_CONFIG_FILE_UNMOUNTED,
                  path,
                  u.at(),
                  u.workload().label()
                      + ": SITE_CONFIG_FILE names "
                      + u.path()
                      + ", but "
                      + u.why()
                      + ": the frontend cannot read its site config")
              .about(object(u.workload())));
    }
    for (Deployments.Split sp : splits) {
      out.add(
          finding(
                  Catalogue.SITE_CONFIG_FILE_SPLIT,
                  path,
                  sp.workload().at(),
                  sp.why() + ": both send mail, with different settings; give it the same list")
              .about(object(sp.workload())));
    }
    return out;
  }

  static Finding finding(String rule, String path, Position at, String message) {
    return new Finding(rule, Catalogue.info(rule).severity(), message, Location.of(path, at, ""));
  }

  /** The container a workload's finding is about: "Deployment/x, container y", "service z". */
  static ObjectRef object(Workload w) {
    String label = w.label();
    if (w.compose() && label.startsWith("service ")) {
      return new ObjectRef("service", "", label.substring(8), "", "", Optional.empty());
    }
    int slash = label.indexOf('/');
    int comma = label.indexOf(", container ");
    if (slash < 0 || comma < slash) {
      return new ObjectRef("", "", label, "", "", Optional.empty());
    }
    return new ObjectRef(
        label.substring(0, slash),
        "",
        label.substring(slash + 1, comma),
        "",
        label.substring(comma + ", container ".length()),
        Optional.empty());
  }
}
