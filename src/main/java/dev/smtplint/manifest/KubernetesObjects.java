package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.config.Span;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Kubernetes objects as a manifest's reader meets them: ConfigMaps' and Secrets' values that hold a
 * site config (a Secret's {@code data} base64-decoded), and the containers of pod templates with
 * their SITE_CONFIG_FILE and mounts (configMap, secret, projected volumes).
 */
final class KubernetesObjects {
  private static final Set<String> POD_TEMPLATE_KINDS =
      Set.of(
          "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController");

  private final ManifestReader r;

  KubernetesObjects(ManifestReader r) {
    this.r = r;
  }

  void object(Node doc, String kind) {
    String name = Yaml.text(doc, "metadata", "name").orElse("(unnamed)");
    switch (kind) {
      case "List" -> {
        for (Node item : Yaml.items(Yaml.get(doc, "items"))) {
          r.document(item);
        }
      }
      case "ConfigMap" -> {
        values(doc, "ConfigMap", name, "data", false);
        configMapValues(doc, name);
      }
      case "Secret" -> {
        values(doc, "Secret", name, "stringData", false);
        values(doc, "Secret", name, "data", true);
      }
      case "Pod" -> podSpec(Yaml.get(doc, "spec"), kind + "/" + name);
      case "CronJob" ->
          podSpec(
              Yaml.at(doc, "spec", "jobTemplate", "spec", "template", "spec"), kind + "/" + name);
      case "Kustomization" -> Kustomizations.read(r, doc);
      default -> {
        if (POD_TEMPLATE_KINDS.contains(kind)) {
          podSpec(Yaml.at(doc, "spec", "template", "spec"), kind + "/" + name);
        }
      }
    }
  }

  private void values(Node doc, String kind, String name, String field, boolean base64) {
    for (NodeTuple t : Yaml.entries(Yaml.get(doc, field))) {
      if (!(t.getKeyNode() instanceof ScalarNode k)
          || !(t.getValueNode() instanceof ScalarNode v)) {
        continue;
      }
      Optional<SourceFile> source = decoded(v, base64, kind + "/" + name + " " + k.getValue());
      if (source.isEmpty() || !Manifest.isJsonObject(source.get().text())) {
        continue;
      }
      Position keyAt = Yaml.start(r.yaml, k);
      Placement placement =
          base64
              ? point(v, keyAt)
              : placement(v, source.get()).orElse(point(v, Yaml.start(r.yaml, v)));
      r.configs.add(
          new Embedded(
              r.yaml,
              kind,
              Yaml.text(doc, "metadata", "namespace").orElse(""),
              name,
              k.getValue(),
              source.get(),
              placement,
              keyAt,
              r.renderedFrom(keyAt.line()).or(() -> Kustomizations.origin(doc)),
              r.renderedFrom(keyAt.line()).or(() -> Kustomizations.originPath(doc)),
              Manifest.likely(k.getValue(), source.get().text())));
    }
  }

  /**
   * A container's {@code envFrom} ConfigMaps, which may set SITE_CONFIG_FILE (Sourcegraph's own
   * manifests give the frontend its variables from sourcegraph-frontend-env so): the key looked up
   * in each, the last listed first.
   */
  private Optional<Workload.SiteConfigFile> fromEnvFrom(Node container) {
    List<Workload.ObjectKey> refs = new ArrayList<>();
    Node first = null;
    for (Node from : Yaml.items(Yaml.get(container, "envFrom"))) {
      Optional<String> name = Yaml.at(from, "configMapRef").flatMap(r -> Yaml.text(r, "name"));
      if (name.isPresent()) {
        refs.add(0, new Workload.ObjectKey("ConfigMap", name.get(), "SITE_CONFIG_FILE"));
        first = first == null ? from : first;
      }
    }
    return refs.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Workload.SiteConfigFile(
                Optional.empty(), List.copyOf(refs), Yaml.start(r.yaml, first), -1));
  }

  /** A ConfigMap's values by "ConfigMap/name/key", for a configMapKeyRef to look up. */
  private void configMapValues(Node doc, String name) {
    for (NodeTuple t : Yaml.entries(Yaml.get(doc, "data"))) {
      if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
        r.values.put("ConfigMap/" + name + "/" + k.getValue(), v.getValue());
      }
    }
  }

  /** The value as the mounted file's text (base64 decoded, bytes read as Go reads them). */
  private Optional<SourceFile> decoded(ScalarNode v, boolean base64, String name) {
    try {
      byte[] bytes =
          base64
              ? Base64.getMimeDecoder().decode(v.getValue())
              : v.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return Optional.of(SourceLoader.load(new ByteArrayInputStream(bytes), name));
    } catch (IllegalArgumentException | SourceLoader.UnreadableException e) {
      return Optional.empty(); // not base64, or beyond the size limit: not a config smtplint reads
    }
  }

  private Placement point(ScalarNode v, Position at) {
    return new Placement.Point(
        at,
        new Span(
            Yaml.startOffset(r.yaml, v),
            Math.max(Yaml.startOffset(r.yaml, v), Yaml.endOffset(r.yaml, v))));
  }

  /**
   * A literal block whose every line is the config's line, indented: positions map line for line.
   * Anything else (folded, quoted, an indentation smtplint cannot confirm) maps to a point.
   */
  private Optional<Placement> placement(ScalarNode v, SourceFile embedded) {
    if (v.getScalarStyle() != ScalarStyle.LITERAL || v.getStartMark().isEmpty()) {
      return Optional.empty();
    }
    int firstLine = v.getStartMark().get().getLine() + 2; // the line after the '|' indicator
    String[] lines = embedded.text().split("\n", -1);
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--; // the text's final line break
    }
    int indent = -1;
    for (int i = 0; i < count && indent < 0; i++) {
      if (!lines[i].isEmpty()) {
        String y = yamlLine(firstLine + i);
        indent = y.length() - y.stripLeading().length();
      }
    }
    if (indent < 0) {
      return Optional.empty();
    }
    for (int i = 0; i < count; i++) {
      String y = yamlLine(firstLine + i);
      boolean same =
          lines[i].isEmpty()
              ? y.isBlank()
              : y.length() >= indent
                  && y.substring(0, indent).isBlank()
                  && y.substring(indent).equals(lines[i]);
      if (!same) {
        return Optional.empty();
      }
    }
    return Optional.of(new Placement.Block(r.yaml, embedded, firstLine, indent));
  }

  private String yamlLine(int number) {
    if (number > r.yaml.lineStarts().length) {
      return "";
    }
    String line = r.yaml.line(number);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private void podSpec(Optional<Node> spec, String owner) {
    if (spec.isEmpty() || r.seen.put(spec.get(), Boolean.TRUE) != null) {
      return;
    }
    Map<String, Node> volumes = new LinkedHashMap<>();
    for (Node v : Yaml.items(Yaml.get(spec.get(), "volumes"))) {
      Optional<String> name = Yaml.text(v, "name");
      if (name.isPresent()) {
        volumes.put(name.get(), v);
      }
    }
    for (Node c : Yaml.items(Yaml.get(spec.get(), "containers"))) {
      String name = Yaml.text(c, "name").orElse("(unnamed)");
      Optional<Workload.SiteConfigFile> scf = Optional.empty();
      for (Node e : Yaml.items(Yaml.get(c, "env"))) {
        if (!"SITE_CONFIG_FILE".equals(Yaml.text(e, "name").orElse(""))) {
          continue;
        }
        Optional<Node> value = Yaml.get(e, "value");
        Optional<Node> ref = Yaml.at(e, "valueFrom", "configMapKeyRef");
        Position at = Yaml.start(r.yaml, value.isPresent() ? value.get() : e);
        scf =
            Optional.of(
                new Workload.SiteConfigFile(
                    value.isPresent() ? Yaml.text(value.get()) : Optional.empty(),
                    ref.isPresent()
                        ? List.of(
                            new Workload.ObjectKey(
                                "ConfigMap",
                                Yaml.text(ref.get(), "name").orElse(""),
                                Yaml.text(ref.get(), "key").orElse("")))
                        : List.of(),
                    at,
                    value.isPresent() ? r.shift(value.get()) : -1));
      }
      if (scf.isEmpty()) {
        scf = fromEnvFrom(c); // env wins over envFrom: only where env does not set it
      }
      List<Workload.Mount> mounts = new ArrayList<>();
      for (Node m : Yaml.items(Yaml.get(c, "volumeMounts"))) {
        Optional<String> path = Yaml.text(m, "mountPath");
        String volumeName = Yaml.text(m, "name").orElse("");
        Node volume = volumes.get(volumeName);
        if (path.isPresent()) {
          // a volume another document declares (a kustomize patch) is joined later: no sources yet
          mounts.add(
              new Workload.Mount(
                  path.get(),
                  Yaml.text(m, "subPath"),
                  volume == null ? List.of() : sources(volume),
                  volumeName));
        }
      }
      Map<String, List<Workload.Source>> podVolumes = new LinkedHashMap<>();
      for (Map.Entry<String, Node> v : volumes.entrySet()) {
        podVolumes.put(v.getKey(), sources(v.getValue()));
      }
      Position at = Yaml.start(r.yaml, Yaml.get(c, "name").orElse(c));
      r.workloads.add(
          new Workload(
              r.yaml,
              owner + ", container " + name,
              at,
              Yaml.text(c, "image"),
              scf,
              mounts,
              false,
              podVolumes));
    }
  }

  private static List<Workload.Source> sources(Node volume) {
    List<Workload.Source> out = new ArrayList<>();
    Optional<Node> cm = Yaml.get(volume, "configMap");
    if (cm.isPresent()) {
      out.add(object("ConfigMap", Yaml.text(cm.get(), "name").orElse(""), cm.get()));
    }
    Optional<Node> secret = Yaml.get(volume, "secret");
    if (secret.isPresent()) {
      out.add(object("Secret", Yaml.text(secret.get(), "secretName").orElse(""), secret.get()));
    }
    for (Node s : Yaml.items(Yaml.at(volume, "projected", "sources"))) {
      Optional<Node> pcm = Yaml.get(s, "configMap");
      if (pcm.isPresent()) {
        out.add(object("ConfigMap", Yaml.text(pcm.get(), "name").orElse(""), pcm.get()));
      }
      Optional<Node> ps = Yaml.get(s, "secret");
      if (ps.isPresent()) {
        out.add(object("Secret", Yaml.text(ps.get(), "name").orElse(""), ps.get()));
      }
    }
    return out;
  }

  private static Workload.ObjectSource object(String kind, String name, Node node) {
    Map<String, String> items = new LinkedHashMap<>();
    for (Node item : Yaml.items(Yaml.get(node, "items"))) {
      Optional<String> key = Yaml.text(item, "key");
      Optional<String> path = Yaml.text(item, "path");
      if (key.isPresent() && path.isPresent()) {
        items.put(key.get(), path.get());
      }
    }
    return new Workload.ObjectSource(kind, name, items);
  }
}
