package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML 1.2 read with SnakeYAML Engine into nodes that keep their marks, and the few ways smtplint
 * walks them. Untrusted input: aliases to collections are capped (no "billion laughs"), recursive
 * keys refused, no environment substitution, and the size is the site config's own limit.
 */
final class Yaml {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setLabel("manifest")
          .setAllowDuplicateKeys(true) // the last wins, as in Go's YAML decoders that kubectl uses
          .setAllowRecursiveKeys(false)
          .setMaxAliasesForCollections(50)
          .setCodePointLimit(64 * 1024 * 1024)
          .setUseMarks(true)
          .build();

  private Yaml() {}

  /** Why a YAML text could not be read, and where. */
  static final class YamlError extends Exception {
    private final transient Optional<Position> at;

    YamlError(String message, Optional<Position> at) {
      super(message);
      this.at = at;
    }

    Optional<Position> at() {
      return at;
    }
  }

  /** Every document of the text (an empty document is left out). */
  static List<Node> documents(SourceFile yaml) throws YamlError {
    List<Node> out = new ArrayList<>();
    try {
      for (Node n : new Compose(SETTINGS).composeAllFromString(yaml.text())) {
        out.add(n);
      }
    } catch (MarkedYamlEngineException e) {
      Optional<Position> at =
          e.getProblemMark().isPresent()
              ? Optional.of(position(yaml, e.getProblemMark().get()))
              : Optional.empty();
      throw new YamlError(oneLine(e.getProblem()), at);
    } catch (YamlEngineException | IllegalArgumentException e) {
      throw new YamlError(oneLine(e.getMessage()), Optional.empty());
    } catch (StackOverflowError e) {
      // SnakeYAML recurses per level of nesting: no deployment's YAML comes near this
      throw new YamlError("nested deeper than smtplint reads YAML", Optional.empty());
    }
    return out;
  }

  private static String oneLine(String text) {
    String s = text == null ? "not YAML" : text.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The node's first position, as smtplint counts (1-based; columns in UTF-16 units). */
  static Position start(SourceFile yaml, Node node) {
    return node.getStartMark().isPresent()
        ? position(yaml, node.getStartMark().get())
        : Position.START;
  }

  /** The offset in the text just past the node. */
  static int endOffset(SourceFile yaml, Node node) {
    return node.getEndMark().isPresent()
        ? offset(yaml, node.getEndMark().get())
        : yaml.text().length();
  }

  static int startOffset(SourceFile yaml, Node node) {
    return node.getStartMark().isPresent() ? offset(yaml, node.getStartMark().get()) : 0;
  }

  /** A mark (0-based line, column in code points) as a 1-based position in UTF-16 columns. */
  static Position position(SourceFile yaml, Mark mark) {
    int offset = offset(yaml, mark);
    return yaml.positionOf(offset);
  }

  private static int offset(SourceFile yaml, Mark mark) {
    int lineStart = yaml.lineStart(mark.getLine() + 1);
    String text = yaml.text();
    int at = lineStart;
    for (int cp = 0; cp < mark.getColumn() && at < text.length(); cp++) {
      at += Character.charCount(text.codePointAt(at));
    }
    return Math.min(at, text.length());
  }

  /** The value of the last {@code key} in a mapping (a later duplicate wins). */
  static Optional<Node> get(Node map, String key) {
    if (!(map instanceof MappingNode m)) {
      return Optional.empty();
    }
    Node found = null;
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        found = t.getValueNode();
      }
    }
    return Optional.ofNullable(found);
  }

  /** A path of keys, each into the mapping the previous one names. */
  static Optional<Node> at(Node node, String... keys) {
    Node n = node;
    for (String key : keys) {
      Optional<Node> next = get(n, key);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      n = next.get();
    }
    return Optional.of(n);
  }

  /** A scalar's text. */
  static Optional<String> text(Node node) {
    return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  static Optional<String> text(Node node, String... keys) {
    Optional<Node> n = at(node, keys);
    return n.isPresent() ? text(n.get()) : Optional.empty();
  }

  /** A sequence's items (none when the node is not a sequence). */
  static List<Node> items(Optional<Node> node) {
    return node.isPresent() && node.get() instanceof SequenceNode s ? s.getValue() : List.of();
  }

  /** A mapping's entries (none when the node is not a mapping). */
  static List<NodeTuple> entries(Optional<Node> node) {
    return node.isPresent() && node.get() instanceof MappingNode m ? m.getValue() : List.of();
  }
}
