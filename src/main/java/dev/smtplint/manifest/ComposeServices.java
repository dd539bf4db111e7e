package dev.smtplint.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    Map<String, Optional<String>> envFiles = new java.util.HashMap<>();
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
      if (scf.isEmpty()) {
        // environment: wins over env_file:
        scf = fromEnvFiles(r, Yaml.get(service, "env_file"), envFiles);
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

  /**
   * SITE_CONFIG_FILE from a service's {@code env_file:} (one path, a list, or {path: …} items; a
   * later file wins), read as docker compose reads it: relative to the compose file, and only
   * inside its repository (SPEC §10). A file that cannot be read leaves the variable unknown, not
   * absent: nothing is said of a list smtplint cannot see.
   */
  private static Optional<Workload.SiteConfigFile> fromEnvFiles(
      ManifestReader r, Optional<Node> envFile, Map<String, Optional<String>> read) {
    if (envFile.isEmpty()) {
      return Optional.empty();
    }
    List<Node> entries = new ArrayList<>();
    if (envFile.get() instanceof ScalarNode one) {
      entries.add(one);
    } else {
      for (Node item : Yaml.items(envFile)) {
        entries.add(item instanceof ScalarNode ? item : Yaml.get(item, "path").orElse(item));
      }
    }
    Optional<Workload.SiteConfigFile> found = Optional.empty();
    for (Node entry : entries) {
      Optional<String> name = Yaml.text(entry);
      Optional<String> value = name.isEmpty() ? Optional.empty() : cached(r, name.get(), read);
      if (value == null) {
        // unreadable: unknown, which keeps smtplint from calling the frontend unconfigured
        found =
            Optional.of(
                new Workload.SiteConfigFile(
                    Optional.empty(), List.of(), Yaml.start(r.yaml, entry), -1));
      } else if (value.isPresent()) {
        found =
            Optional.of(
                new Workload.SiteConfigFile(value, List.of(), Yaml.start(r.yaml, entry), -1));
      }
    }
    return found;
  }

  /**
   * SITE_CONFIG_FILE's value in an env file ({@code KEY=VALUE} lines, {@code #} comments, a value
   * in quotes unquoted); empty when the file does not set it; null when it cannot be read.
   */
  /**
   * An env file's value, read once per compose file however many services name it (a null, for a
   * file that cannot be read, is kept too): thousands of services naming one large file stay
   * linear.
   */
  private static Optional<String> cached(
      ManifestReader r, String name, Map<String, Optional<String>> read) {
    if (!read.containsKey(name)) {
      read.put(name, envFileValue(r, name));
    }
    return read.get(name);
  }

  private static Optional<String> envFileValue(ManifestReader r, String name) {
    if (r.yaml.path().equals("-")) {
      return null;
    }
    try {
      dev.smtplint.config.Containment repository =
          dev.smtplint.config.Containment.of(java.nio.file.Path.of(r.yaml.path()));
      java.nio.file.Path dir =
          java.nio.file.Path.of(r.yaml.path()).toAbsolutePath().normalize().getParent();
      dev.smtplint.config.Containment.Result inside = repository.resolve(dir, name);
      if (inside.path().isEmpty()) {
        return null;
      }
      String text = dev.smtplint.config.SourceLoader.load(inside.path().get(), name).text();
      Optional<String> value = Optional.empty();
      for (String line : text.split("\n")) {
        String l = line.strip();
        if (l.startsWith("export ")) {
          l = l.substring(7).strip();
        }
        if (l.startsWith("SITE_CONFIG_FILE=")) {
          String v = l.substring("SITE_CONFIG_FILE=".length()).strip();
          if (v.length() >= 2
              && (v.charAt(0) == '"' || v.charAt(0) == '\'')
              && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
          }
          value = Optional.of(v);
        }
      }
      return value;
    } catch (java.io.IOException | dev.smtplint.config.SourceLoader.UnreadableException e) {
      return null;
    }
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
