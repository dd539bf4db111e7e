package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

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
 * @param secrets what no output may show of the file ({@link YamlSecrets}), over the whole text
 */
public record Manifest(
    SourceFile yaml,
    List<Embedded> configs,
    List<Workload> workloads,
    List<Generated> generated,
    Map<String, String> values,
    boolean deployment,
    List<Span> secrets) {

  /** A local file a kustomize generator turns into a ConfigMap or Secret key. */
  public record Generated(String localPath, Position at, String kind, String name, String key) {
    /** "ConfigMap/frontend-config-files/site.json": the key a mount of the object reads. */
    String objectKey() {
      return kind + "/" + name + "/" + key;
    }
  }

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
    // asked of every file a walk meets: its end compared in place, no lower-cased copy of the path
    int n = name.length();
    return n >= 5 && name.regionMatches(true, n - 5, ".yaml", 0, 5)
        || n >= 4 && name.regionMatches(true, n - 4, ".yml", 0, 4);
  }

  /** The same file with other workloads (its containers as a tool composes them with others'). */
  public Manifest withWorkloads(List<Workload> others) {
    return new Manifest(yaml, configs, List.copyOf(others), generated, values, deployment, secrets);
  }

  /** Whether nothing in the file concerns a site config. */
  public boolean empty() {
    return configs.isEmpty() && generated.isEmpty() && !anySiteConfigFile();
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
    ManifestReader reader = new ManifestReader(yaml);
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
        Map.copyOf(reader.values),
        reader.deployment,
        secrets);
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
    if (t.startsWith("#")) {
      return true; // a YAML comment: no JSONC text starts so
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
}
