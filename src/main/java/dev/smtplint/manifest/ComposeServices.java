package dev.smtplint.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * docker-compose files as a manifest's reader meets them: each service's environment and bind
 * mounts.
 */
final class ComposeServices {
  private ComposeServices() {}

  /** docker-compose: each service's r.environment and bind mounts. */
  static void read(ManifestReader r, Node doc) {
    for (NodeTuple s : Yaml.entries(Yaml.get(doc, "services"))) {
      if (!(s.getKeyNode() instanceof ScalarNode key)) {
        continue;
      }
      Node service = s.getValueNode();
      String label = "service " + key.getValue();
      Optional<Workload.SiteConfigFile> scf = Optional.empty();
      Optional<Node> env = Yaml.get(service, "environment");
      for (NodeTuple e : Yaml.entries(env)) {
        if (e.getKeyNode() instanceof ScalarNode name && e.getValueNode() instanceof ScalarNode v) {
          Optional<Workload.SiteConfigFile> found = variable(r, name.getValue(), v, v.getValue());
          scf = found.isPresent() ? found : scf;
        }
      }
      for (Node item : Yaml.items(env)) {
        if (item instanceof ScalarNode v && v.getValue().contains("=")) {
          String entry = v.getValue();
          int eq = entry.indexOf('=');
          Optional<Workload.SiteConfigFile> found =
              variable(r, entry.substring(0, eq), v, entry.substring(eq + 1));
          scf = found.isPresent() ? found : scf;
        }
      }
      List<Workload.Mount> mounts = new ArrayList<>();
      for (Node volume : Yaml.items(Yaml.get(service, "volumes"))) {
        Optional<Workload.Mount> mount = bind(volume);
        if (mount.isPresent()) {
          mounts.add(mount.get());
        }
      }
      r.workloads.add(
          new Workload(
              r.yaml,
              label,
              Yaml.start(r.yaml, key),
              Yaml.text(service, "image"),
              scf,
              mounts,
              true));
    }
  }

  /** A compose variable: SITE_CONFIG_FILE (no other variable is smtplint's to judge). */
  private static Optional<Workload.SiteConfigFile> variable(
      ManifestReader r, String name, ScalarNode node, String value) {
    if (name.equals("SITE_CONFIG_FILE")) {
      int shift = r.shift(node);
      if (shift >= 0 && !node.getValue().equals(value)) {
        shift += node.getValue().length() - value.length(); // "SITE_CONFIG_FILE=" before it
      }
      return Optional.of(
          new Workload.SiteConfigFile(
              Optional.of(value), List.of(), Yaml.start(r.yaml, node), shift));
    }
    return Optional.empty();
  }

  /** A bind mount, short ("./site.json:/etc/sourcegraph/site.json:ro") or long syntax. */
  private static Optional<Workload.Mount> bind(Node volume) {
    if (volume instanceof ScalarNode s) {
      String[] parts = s.getValue().split(":");
      if (parts.length >= 2 && isLocal(parts[0])) {
        return Optional.of(
            new Workload.Mount(
                parts[1], Optional.empty(), List.of(new Workload.BindSource(parts[0]))));
      }
      return Optional.empty();
    }
    Optional<String> type = Yaml.text(volume, "type");
    Optional<String> source = Yaml.text(volume, "source");
    Optional<String> target = Yaml.text(volume, "target");
    if (type.orElse("").equals("bind") && source.isPresent() && target.isPresent()) {
      return Optional.of(
          new Workload.Mount(
              target.get(), Optional.empty(), List.of(new Workload.BindSource(source.get()))));
    }
    return Optional.empty();
  }

  /** A host path, not a named volume: compose reads "./x", "../x", "/x" and "~/x" as paths. */
  private static boolean isLocal(String source) {
    return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
  }
}
