package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.config.Span;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One YAML file read as a deployment holds site configs (SPEC §1, §9): Kubernetes objects (one or
 * more documents, {@code kind: List} too: kubectl's, helm template's and kustomize's output) or a
 * docker-compose file. Nothing else of the YAML is judged: a file without such objects is {@link
 * #empty}.
 *
 * @param configs every ConfigMap and Secret value that holds a JSON object (a site config, or
 *     perhaps one: see {@link Embedded#likely})
 * @param workloads the containers and compose services, with their SITE_CONFIG_FILE and mounts
 * @param generated local files a kustomization's configMapGenerator / secretGenerator takes (as
 *     written, relative to the kustomization), with where each is named
 * @param values every ConfigMap {@code data} value by "ConfigMap/name/key" (a SITE_CONFIG_FILE
 *     taken from one: {@code valueFrom.configMapKeyRef})
 * @param environment compose {@code environment:} entries whose name says secret, with their
 *     value's position (for secret-in-configmap)
 * @param secrets what no output may show of the file ({@link YamlSecrets}), over the whole text
 */
public record Manifest(
    SourceFile yaml,
    List<Embedded> configs,
    List<Workload> workloads,
    List<Generated> generated,
    List<EnvironmentSecret> environment,
    List<ConfigMapSecret> configMapSecrets,
    Map<String, String> values,
    boolean deployment,
    List<Span> secrets) {

  /** A local file a kustomize generator turns into a ConfigMap or Secret key. */
  public record Generated(String localPath, Position at) {}

  /** A compose {@code environment:} value under a name that says password, secret or token. */
  public record EnvironmentSecret(String service, String name, String value, Position at) {}

  /** A ConfigMap {@code data} value under a key that says password, secret or token. */
  public record ConfigMapSecret(String object, String key, String value, Position at) {}

  private static final Set<String> POD_TEMPLATE_KINDS =
      Set.of(
          "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController");

  /** Why a YAML file could not be read as YAML. */
  public static final class Unreadable extends Exception {
    private final transient Optional<Position> at;

    Unreadable(String message, Optional<Position> at) {
      super(message);
      this.at = at;
    }

    public Optional<Position> at() {
      return at;
    }
  }

  /** Whether a file name is read as YAML. */
  public static boolean isYamlName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** Whether nothing in the file concerns a site config. */
  public boolean empty() {
    return configs.isEmpty()
        && generated.isEmpty()
        && environment.isEmpty()
        && configMapSecrets.isEmpty()
        && !anySiteConfigFile();
  }

  private boolean anySiteConfigFile() {
    for (Workload w : workloads) {
      if (w.siteConfigFile().isPresent() || w.frontend()) {
        return true;
      }
    }
    return false;
  }

  public static Manifest read(SourceFile yaml) throws Unreadable {
    List<Node> documents;
    try {
      documents = Yaml.documents(yaml);
    } catch (Yaml.YamlError e) {
      throw new Unreadable(e.getMessage(), e.at());
    }
    Reader reader = new Reader(yaml);
    List<Span> secrets;
    try {
      for (Node doc : documents) {
        reader.document(doc);
      }
      secrets = YamlSecrets.of(yaml, documents, reader.configs);
    } catch (StackOverflowError e) {
      throw new Unreadable("kind: List nested deeper than smtplint reads", Optional.empty());
    }
    return new Manifest(
        yaml,
        List.copyOf(reader.configs),
        List.copyOf(reader.workloads),
        List.copyOf(reader.generated),
        List.copyOf(reader.environment),
        List.copyOf(reader.configMapSecrets),
        Map.copyOf(reader.values),
        reader.deployment,
        secrets);
  }

  /** The walk over one file's documents; each object node is visited once (aliases share nodes). */
  private static final class Reader {
    private final SourceFile yaml;
    private final List<Embedded> configs = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Generated> generated = new ArrayList<>();
    private final List<EnvironmentSecret> environment = new ArrayList<>();
    private final List<ConfigMapSecret> configMapSecrets = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();
    private final String[] sourceComments;
    private boolean deployment;

    Reader(SourceFile yaml) {
      this.yaml = yaml;
      this.sourceComments = sourceComments(yaml);
    }

    void document(Node doc) {
      if (seen.put(doc, Boolean.TRUE) != null) {
        return;
      }
      Optional<String> kind = Yaml.text(doc, "kind");
      if (kind.isPresent() && Yaml.get(doc, "apiVersion").isPresent()) {
        deployment = true;
        object(doc, kind.get());
      } else if (Yaml.get(doc, "services").isPresent()) {
        deployment = true;
        compose(doc);
      } else if (Yaml.get(doc, "configMapGenerator").isPresent()
          || Yaml.get(doc, "secretGenerator").isPresent()) {
        deployment = true;
        kustomization(doc);
      }
    }

    private void object(Node doc, String kind) {
      String name = Yaml.text(doc, "metadata", "name").orElse("(unnamed)");
      switch (kind) {
        case "List" -> {
          for (Node item : Yaml.items(Yaml.get(doc, "items"))) {
            document(item);
          }
        }
        case "ConfigMap" -> {
          values(doc, "ConfigMap", name, "data", false);
          configMapSecrets(doc, name);
        }
        case "Secret" -> {
          values(doc, "Secret", name, "stringData", false);
          values(doc, "Secret", name, "data", true);
        }
        case "Pod" -> podSpec(Yaml.get(doc, "spec"), kind + "/" + name);
        case "CronJob" ->
            podSpec(
                Yaml.at(doc, "spec", "jobTemplate", "spec", "template", "spec"), kind + "/" + name);
        case "Kustomization" -> kustomization(doc);
        default -> {
          if (POD_TEMPLATE_KINDS.contains(kind)) {
            podSpec(Yaml.at(doc, "spec", "template", "spec"), kind + "/" + name);
          }
        }
      }
    }

    /** Every value of a ConfigMap's or Secret's {@code field} that holds a JSON object. */
    private void values(Node doc, String kind, String name, String field, boolean base64) {
      for (NodeTuple t : Yaml.entries(Yaml.get(doc, field))) {
        if (!(t.getKeyNode() instanceof ScalarNode k)
            || !(t.getValueNode() instanceof ScalarNode v)) {
          continue;
        }
        Optional<SourceFile> source = decoded(v, base64, kind + "/" + name + " " + k.getValue());
        if (source.isEmpty() || !isJsonObject(source.get().text())) {
          continue;
        }
        Position keyAt = Yaml.start(yaml, k);
        Placement placement =
            base64
                ? point(v, keyAt)
                : placement(v, source.get()).orElse(point(v, Yaml.start(yaml, v)));
        configs.add(
            new Embedded(
                yaml,
                kind,
                name,
                k.getValue(),
                source.get(),
                placement,
                keyAt,
                renderedFrom(keyAt.line()).or(() -> origin(doc)),
                likely(k.getValue(), source.get().text())));
      }
    }

    private void configMapSecrets(Node doc, String name) {
      for (NodeTuple t : Yaml.entries(Yaml.get(doc, "data"))) {
        if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
          values.put("ConfigMap/" + name + "/" + k.getValue(), v.getValue());
        }
        if (t.getKeyNode() instanceof ScalarNode k
            && t.getValueNode() instanceof ScalarNode v
            && saysSecret(k.getValue())) {
          configMapSecrets.add(
              new ConfigMapSecret(
                  "ConfigMap/" + name, k.getValue(), v.getValue(), Yaml.start(yaml, v)));
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
        return Optional
            .empty(); // not base64, or beyond the size limit: not a config smtplint reads
      }
    }

    private Placement point(ScalarNode v, Position at) {
      return new Placement.Point(
          at,
          new Span(
              Yaml.startOffset(yaml, v),
              Math.max(Yaml.startOffset(yaml, v), Yaml.endOffset(yaml, v))));
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
      return Optional.of(new Placement.Block(yaml, embedded, firstLine, indent));
    }

    private String yamlLine(int number) {
      if (number > yaml.lineStarts().length) {
        return "";
      }
      String line = yaml.line(number);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private void podSpec(Optional<Node> spec, String owner) {
      if (spec.isEmpty() || seen.put(spec.get(), Boolean.TRUE) != null) {
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
          Position at = Yaml.start(yaml, value.isPresent() ? value.get() : e);
          scf =
              Optional.of(
                  new Workload.SiteConfigFile(
                      value.isPresent() ? Yaml.text(value.get()) : Optional.empty(),
                      ref.isPresent()
                          ? Optional.of(
                              new Workload.ObjectKey(
                                  "ConfigMap",
                                  Yaml.text(ref.get(), "name").orElse(""),
                                  Yaml.text(ref.get(), "key").orElse("")))
                          : Optional.empty(),
                      at,
                      value.isPresent() ? shift(value.get()) : -1));
        }
        List<Workload.Mount> mounts = new ArrayList<>();
        for (Node m : Yaml.items(Yaml.get(c, "volumeMounts"))) {
          Optional<String> path = Yaml.text(m, "mountPath");
          Node volume = volumes.get(Yaml.text(m, "name").orElse(""));
          if (path.isPresent() && volume != null) {
            mounts.add(new Workload.Mount(path.get(), Yaml.text(m, "subPath"), sources(volume)));
          }
        }
        Position at = Yaml.start(yaml, Yaml.get(c, "name").orElse(c));
        workloads.add(
            new Workload(
                yaml,
                owner + ", container " + name,
                at,
                Yaml.text(c, "image"),
                scf,
                mounts,
                false));
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

    /** docker-compose: each service's environment and bind mounts. */
    private void compose(Node doc) {
      for (NodeTuple s : Yaml.entries(Yaml.get(doc, "services"))) {
        if (!(s.getKeyNode() instanceof ScalarNode key)) {
          continue;
        }
        Node service = s.getValueNode();
        String label = "service " + key.getValue();
        Optional<Workload.SiteConfigFile> scf = Optional.empty();
        Optional<Node> env = Yaml.get(service, "environment");
        for (NodeTuple e : Yaml.entries(env)) {
          if (e.getKeyNode() instanceof ScalarNode name
              && e.getValueNode() instanceof ScalarNode v) {
            Optional<Workload.SiteConfigFile> found =
                variable(name.getValue(), v, v.getValue(), key.getValue());
            scf = found.isPresent() ? found : scf;
          }
        }
        for (Node item : Yaml.items(env)) {
          if (item instanceof ScalarNode v && v.getValue().contains("=")) {
            String entry = v.getValue();
            int eq = entry.indexOf('=');
            Optional<Workload.SiteConfigFile> found =
                variable(entry.substring(0, eq), v, entry.substring(eq + 1), key.getValue());
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
        workloads.add(
            new Workload(
                yaml,
                label,
                Yaml.start(yaml, key),
                Yaml.text(service, "image"),
                scf,
                mounts,
                true));
      }
    }

    /** A compose variable: SITE_CONFIG_FILE, or a secret-looking one (for secret-in-configmap). */
    private Optional<Workload.SiteConfigFile> variable(
        String name, ScalarNode node, String value, String service) {
      if (name.equals("SITE_CONFIG_FILE")) {
        int shift = shift(node);
        if (shift >= 0 && !node.getValue().equals(value)) {
          shift += node.getValue().length() - value.length(); // "SITE_CONFIG_FILE=" before it
        }
        return Optional.of(
            new Workload.SiteConfigFile(
                Optional.of(value), Optional.empty(), Yaml.start(yaml, node), shift));
      }
      if (saysSecret(name)) {
        environment.add(new EnvironmentSecret(service, name, value, Yaml.start(yaml, node)));
      }
      return Optional.empty();
    }

    /**
     * How many columns a one-line scalar's text starts after the node (0 plain, 1 quoted), or -1
     * where columns do not map (escapes, several lines, a block).
     */
    private int shift(Node node) {
      if (!(node instanceof ScalarNode s) || node.getStartMark().isEmpty()) {
        return -1;
      }
      int start = Yaml.startOffset(yaml, node);
      int end = Math.max(start, Math.min(Yaml.endOffset(yaml, node), yaml.text().length()));
      String written = yaml.text().substring(start, end);
      return switch (s.getScalarStyle()) {
        case PLAIN -> written.equals(s.getValue()) ? 0 : -1;
        case SINGLE_QUOTED, DOUBLE_QUOTED ->
            written.length() == s.getValue().length() + 2
                    && written.substring(1, written.length() - 1).equals(s.getValue())
                ? 1
                : -1;
        default -> -1;
      };
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

    /** kustomize's configMapGenerator and secretGenerator: their files (key=path or path). */
    private void kustomization(Node doc) {
      for (String field : List.of("configMapGenerator", "secretGenerator")) {
        for (Node gen : Yaml.items(Yaml.get(doc, field))) {
          for (Node file : Yaml.items(Yaml.get(gen, "files"))) {
            if (file instanceof ScalarNode s) {
              String v = s.getValue();
              int eq = v.indexOf('=');
              generated.add(new Generated(eq < 0 ? v : v.substring(eq + 1), Yaml.start(yaml, s)));
            }
          }
        }
      }
    }

    /**
     * The file kustomize built an object from, where its build recorded it ({@code buildMetadata:
     * [originAnnotations]}: the annotation config.kubernetes.io/origin, "path:" or, for a generated
     * object, "configuredIn:").
     */
    private static Optional<String> origin(Node doc) {
      Optional<String> origin =
          Yaml.text(doc, "metadata", "annotations", "config.kubernetes.io/origin");
      if (origin.isEmpty()) {
        return Optional.empty();
      }
      for (String line : origin.get().split("\n")) {
        String l = line.strip();
        for (String field : List.of("path:", "configuredIn:")) {
          if (l.startsWith(field)) {
            return Optional.of(l.substring(field.length()).strip());
          }
        }
      }
      return Optional.empty();
    }

    /**
     * The {@code # Source: chart/templates/x.yaml} comment helm template writes above a document.
     */
    private Optional<String> renderedFrom(int line) {
      int l = Math.min(line, sourceComments.length - 1);
      return l >= 1 && sourceComments[l] != null
          ? Optional.of(sourceComments[l])
          : Optional.empty();
    }

    /**
     * For each line, the {@code # Source:} comment in effect there (the last one above it since the
     * document began at a {@code ---}), found in one pass over the lines.
     */
    private static String[] sourceComments(SourceFile yaml) {
      String[] out = new String[yaml.lineStarts().length + 1];
      if (!yaml.text().contains("# Source: ")) {
        return out;
      }
      String current = null;
      for (int l = 1; l <= yaml.lineStarts().length; l++) {
        String line = yaml.line(l);
        if (line.startsWith("---")) {
          current = null;
        } else if (line.startsWith("# Source: ")) {
          current = line.substring("# Source: ".length()).strip();
        }
        out[l] = current;
      }
      return out;
    }
  }

  /**
   * Whether a text (standard input's start) is a YAML manifest rather than a JSONC site config: it
   * does not start as JSON does, and a line starts as a manifest's do.
   */
  public static boolean looksLikeYaml(String head) {
    String t = head.stripLeading();
    if (t.isEmpty() || t.startsWith("{") || t.startsWith("[") || t.startsWith("/")) {
      return false;
    }
    for (String line : t.split("\n", 200)) {
      if (line.startsWith("apiVersion:")
          || line.startsWith("kind:")
          || line.startsWith("services:")
          || line.startsWith("---")
          || line.startsWith("# Source:")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a file's text (a kustomize generator's file) holds a site config. */
  public static boolean holdsSiteConfig(String name, String text) {
    return isJsonObject(text) && likely(name, text);
  }

  /** A JSON object, perhaps after comments: the only values smtplint reads as configs. */
  static boolean isJsonObject(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (text.startsWith("//", i)) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        return c == '{';
      }
    }
    return false;
  }

  /** A site config by its key's name or its settings, not any JSON an app keeps in a ConfigMap. */
  static boolean likely(String key, String text) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("site")
        || text.contains("\"email.")
        || text.contains("\"externalURL\"")
        || text.contains("\"auth.providers\"");
  }

  /** A name that says its value is a credential. */
  static boolean saysSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password")
        || n.contains("passwd")
        || n.contains("secret")
        || n.contains("token")
        || n.contains("apikey")
        || n.contains("api_key");
  }
}
