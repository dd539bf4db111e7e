package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML 1.2 read with SnakeYAML Engine into nodes that keep their marks, and the few ways smtplint
 * walks them. Untrusted input: aliases to collections are capped (no "billion laughs"), every alias
 * counted by the size it expands to (scalars too), recursive keys refused, no environment
 * substitution, the text read once, and the size is the site config's own limit. No message of the
 * parser's reaches the output (it may quote a password): its kind and position do.
 */
final class Yaml {
  /**
   * What the aliases of a file may add to what its nodes spell out, in characters (each node counts
   * one, a scalar its length too): past it the file is refused, however few aliases it takes.
   */
  static final long MAX_EXPANSION = 8L * 1024 * 1024;

  private Yaml() {}

  /** Why a YAML text could not be read, and where: in smtplint's words, never the parser's. */
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

  /**
   * The settings for one text: its whole length as the reader's buffer, so that SnakeYAML reads the
   * text once (with its default 1,024-character buffer, a long token copied the window it had read
   * on every refill: one 16 MB value took over two minutes).
   */
  private static LoadSettings settings(int length) {
    return LoadSettings.builder()
        .setLabel("manifest")
        .setAllowDuplicateKeys(true) // the last wins, as in Go's YAML decoders that kubectl uses
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(50)
        .setCodePointLimit(64 * 1024 * 1024)
        .setBufferSize(Math.max(1024, length + 1))
        .setUseMarks(true)
        .build();
  }

  /**
   * Every document of the text (an empty document is left out), with YAML merge keys ({@code <<})
   * resolved as the Go YAML readers of kubectl and compose resolve them.
   */
  static List<Node> documents(SourceFile yaml) throws YamlError {
    List<Node> out = new ArrayList<>();
    try {
      for (Node n : new Compose(settings(yaml.text().length())).composeAllFromString(yaml.text())) {
        out.add(n);
      }
      Expansion expansion = new Expansion(yaml.text().length() + MAX_EXPANSION);
      Merges merges = new Merges();
      for (Node doc : out) {
        merges.resolve(doc);
        expansion.add(doc);
      }
    } catch (MarkedYamlEngineException e) {
      Optional<Position> at =
          e.getProblemMark().isPresent()
              ? Optional.of(position(yaml, e.getProblemMark().get()))
              : Optional.empty();
      throw new YamlError(kind(e), at);
    } catch (YamlEngineException | IllegalArgumentException e) {
      throw new YamlError(kind(e), Optional.empty());
    } catch (StackOverflowError e) {
      // SnakeYAML recurses per level of nesting: no deployment's YAML comes near this
      throw new YamlError("nested deeper than smtplint reads YAML", Optional.empty());
    }
    return out;
  }

  /**
   * What kind of problem stopped the reader, in smtplint's words: a parser's own message quotes the
   * input (an undefined alias's name, the characters after a bad escape), and the input may be a
   * password (SPEC §10). Its position is given beside it.
   */
  static String kind(RuntimeException e) {
    if (e instanceof ReaderException) {
      return "a character YAML does not allow";
    } else if (e instanceof ScannerException) {
      return "text that is not a YAML token here (a bad escape, indentation or indicator)";
    } else if (e instanceof ParserException) {
      return "a structure YAML does not allow here (a key, item or indentation out of place)";
    } else if (e instanceof ComposerException) {
      return "an alias that names no anchor before it, or a recursive one";
    } else if (e instanceof TooLarge t) {
      return t.getMessage();
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    // SnakeYAML's own limits, recognised by their fixed words (which quote nothing of the input)
    if (m.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return "more than 50 aliases to collections (smtplint reads at most 50)";
    } else if (m.startsWith("The incoming YAML document exceeds the limit")) {
      return "larger than the 64 MiB smtplint reads";
    }
    return "not YAML";
  }

  /** The file's aliases expand past what smtplint reads. */
  private static final class TooLarge extends YamlEngineException {
    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * The size the documents spell out with every alias expanded, each node's size worked out once
   * (by identity), so the count is linear in the nodes however they alias each other.
   */
  private static final class Expansion {
    /** A node whose size is being worked out: met again below itself, it contains itself. */
    private static final Long IN_PROGRESS = Long.MIN_VALUE;

    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private final long limit;
    private long total;

    Expansion(long limit) {
      this.limit = limit;
    }

    void add(Node doc) {
      total = Math.min(Long.MAX_VALUE / 2, total + size(doc));
      if (total > limit) {
        throw new TooLarge(
            "its aliases expand to more than "
                + (limit >> 20)
                + " MiB (smtplint counts an alias by the size of what it names)");
      }
    }

    private long size(Node node) {
      Long known = sizes.get(node);
      if (known != null) {
        if (known < 0) { // IN_PROGRESS: no size is negative
          // as go-yaml refuses it ("anchor … value contains itself"): it would expand without end
          throw new TooLarge(
              "an alias names a node it stands inside of, which expands without end");
        }
        return known;
      }
      sizes.put(node, IN_PROGRESS);
      long size = 1;
      if (node instanceof ScalarNode s) {
        size += s.getValue().length();
      } else if (node instanceof SequenceNode s) {
        for (Node item : s.getValue()) {
          size = Math.min(Long.MAX_VALUE / 2, size + size(item));
        }
      } else if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          size = Math.min(Long.MAX_VALUE / 2, size + size(t.getKeyNode()) + size(t.getValueNode()));
        }
      }
      sizes.put(node, size);
      return size;
    }
  }

  /**
   * YAML merge keys resolved in place, as Go's YAML readers (kubectl's sigs.k8s.io/yaml, compose's
   * go-yaml v3) resolve them: the entries of the mapping {@code <<} names (or of each mapping of a
   * sequence, the first winning) come before the mapping's own, which win over them. Each mapping
   * is resolved once, and a merged key is kept once: the work is linear in what the file spells.
   */
  private static final class Merges {
    private final Map<Node, Boolean> done = new IdentityHashMap<>();

    void resolve(Node node) {
      if (done.put(node, Boolean.TRUE) != null) {
        return;
      }
      if (node instanceof SequenceNode s) {
        for (Node item : s.getValue()) {
          resolve(item);
        }
      } else if (node instanceof MappingNode m) {
        boolean merges = false;
        for (NodeTuple t : m.getValue()) {
          resolve(t.getValueNode());
          merges |= isMergeKey(t.getKeyNode());
        }
        if (merges) {
          m.setValue(merged(m));
        }
      }
    }

    private static List<NodeTuple> merged(MappingNode m) {
      Map<String, NodeTuple> inherited = new LinkedHashMap<>();
      List<NodeTuple> own = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        if (!isMergeKey(t.getKeyNode())) {
          own.add(t);
        } else if (t.getValueNode() instanceof MappingNode source) {
          inherit(source, inherited);
        } else if (t.getValueNode() instanceof SequenceNode sources) {
          for (Node source : sources.getValue()) {
            if (source instanceof MappingNode s) {
              inherit(s, inherited);
            }
          }
        }
      }
      List<NodeTuple> out = new ArrayList<>(inherited.values());
      out.addAll(own); // a later duplicate wins (get): the mapping's own keys over merged ones
      return out;
    }

    /** The source's entries not yet inherited (an earlier source wins). */
    private static void inherit(MappingNode source, Map<String, NodeTuple> into) {
      for (NodeTuple t : source.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          into.putIfAbsent(k.getValue(), t);
        }
      }
    }

    private static boolean isMergeKey(Node key) {
      return key instanceof ScalarNode k
          && k.getScalarStyle() == ScalarStyle.PLAIN
          && k.getValue().equals("<<");
    }
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
