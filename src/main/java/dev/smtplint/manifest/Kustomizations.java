package dev.smtplint.manifest;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * kustomize as a manifest's reader meets it: generators' local files, and the origin a build
 * records on the objects it makes.
 */
final class Kustomizations {
  private Kustomizations() {}

  /**
   * kustomize's configMapGenerator and secretGenerator: their files (key=path or path), each the
   * key of the object it makes (a frontend's mount reads it by the generator's name: kustomize
   * rewrites the references to the hashed name it gives the object); and their literals, where a
   * ConfigMap's SITE_CONFIG_FILE may be set (an overlay merging into sourcegraph-frontend-env).
   */
  static void read(ManifestReader r, Node doc) {
    for (String field : List.of("configMapGenerator", "secretGenerator")) {
      String kind = field.equals("configMapGenerator") ? "ConfigMap" : "Secret";
      for (Node gen : Yaml.items(Yaml.get(doc, field))) {
        String name = Yaml.text(gen, "name").orElse("");
        for (Node file : Yaml.items(Yaml.get(gen, "files"))) {
          if (file instanceof ScalarNode s) {
            String v = s.getValue();
            int eq = v.indexOf('=');
            String path = eq < 0 ? v : v.substring(eq + 1);
            String key = eq < 0 ? path.substring(path.lastIndexOf('/') + 1) : v.substring(0, eq);
            r.generated.add(
                new Manifest.Generated(path, Yaml.start(r.yaml, s), kind, name, key.strip()));
          }
        }
        for (Node literal : Yaml.items(Yaml.get(gen, "literals"))) {
          if (literal instanceof ScalarNode s && kind.equals("ConfigMap")) {
            String v = s.getValue();
            int eq = v.indexOf('=');
            if (eq > 0) {
              r.values.put(
                  "ConfigMap/" + name + "/" + v.substring(0, eq).strip(), v.substring(eq + 1));
            }
          }
        }
      }
    }
  }

  /** The file an object came from, or the kustomization whose generator made it. */
  static Optional<String> origin(Node doc) {
    return originField(doc, List.of("path:", "configuredIn:"));
  }

  /** The file an object was written in; none for a generator's output. */
  static Optional<String> originPath(Node doc) {
    return originField(doc, List.of("path:"));
  }

  private static Optional<String> originField(Node doc, List<String> fields) {
    Optional<String> origin =
        Yaml.text(doc, "metadata", "annotations", "config.kubernetes.io/origin");
    if (origin.isEmpty()) {
      return Optional.empty();
    }
    for (String line : origin.get().split("\n")) {
      String l = line.strip();
      for (String field : fields) {
        if (l.startsWith(field)) {
          return Optional.of(l.substring(field.length()).strip());
        }
      }
    }
    return Optional.empty();
  }
}
