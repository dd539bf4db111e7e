package dev.smtplint.manifest;

import dev.smtplint.config.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The walk over one file's documents, and what it found; each object node is visited once (aliases
 * share nodes). Kubernetes objects, compose files and kustomizations are read by their own classes.
 */
final class ManifestReader {
  final SourceFile yaml;
  final List<Embedded> configs = new ArrayList<>();
  final List<Workload> workloads = new ArrayList<>();
  final List<Manifest.Generated> generated = new ArrayList<>();
  final Map<String, String> values = new LinkedHashMap<>();
  final Map<Node, Boolean> seen = new IdentityHashMap<>();
  private final String[] sourceComments;
  boolean deployment;

  ManifestReader(SourceFile yaml) {
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
      new KubernetesObjects(this).object(doc, kind.get());
    } else if (Yaml.get(doc, "services").isPresent()) {
      deployment = true;
      ComposeServices.read(this, doc);
    } else if (Yaml.get(doc, "configMapGenerator").isPresent()
        || Yaml.get(doc, "secretGenerator").isPresent()) {
      deployment = true;
      Kustomizations.read(this, doc);
    } else if (Yaml.get(doc, "extraResources").isPresent()) {
      // a Helm values file: the sourcegraph chart renders extraResources' objects as they are
      for (Node item : Yaml.items(Yaml.get(doc, "extraResources"))) {
        document(item);
      }
    } else if (Yaml.get(doc, "resources").isPresent()
        || Yaml.get(doc, "components").isPresent()
        || Yaml.get(doc, "patches").isPresent()) {
      deployment = true; // a kustomization with nothing smtplint reads: a manifest all the same
    }
  }

  /**
   * How many columns a one-line scalar's text starts after the node (0 plain, 1 quoted), or -1
   * where columns do not map (escapes, several lines, a block).
   */
  int shift(Node node) {
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

  Optional<String> renderedFrom(int line) {
    int l = Math.min(line, sourceComments.length - 1);
    return l >= 1 && sourceComments[l] != null ? Optional.of(sourceComments[l]) : Optional.empty();
  }

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
