package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a site config held in a YAML value stands in the YAML file: in a literal block scalar
 * ({@code site.json: |}) each line of the config is a line of the YAML, indented, so positions and
 * offsets map line for line; anywhere else (a quoted or folded scalar, base64 in a Secret's data)
 * everything maps to the value's own position, and a masked span to the whole value.
 */
public sealed interface Placement {
  /** The YAML position of a position in the embedded config. */
  Position toYaml(Position embedded);

  /** The YAML spans of a span of the embedded config's text (one per line it crosses). */
  List<Span> toYaml(Span embedded);

  /** Whether edits to the config can be written back into the YAML (a literal block only). */
  boolean editable();

  /**
   * A literal block: line {@code n} of the config is YAML line {@code firstLine + n - 1}, its
   * column shifted by {@code indent}.
   */
  record Block(SourceFile yaml, SourceFile embedded, int firstLine, int indent)
      implements Placement {
    @Override
    public Position toYaml(Position p) {
      return new Position(firstLine + p.line() - 1, p.column() + indent);
    }

    @Override
    public List<Span> toYaml(Span s) {
      List<Span> out = new ArrayList<>();
      Position from = embedded.positionOf(s.start());
      Position to = embedded.positionOf(s.end());
      for (int line = from.line(); line <= to.line(); line++) {
        int lineStart = embedded.lineStart(line);
        int start = line == from.line() ? s.start() : lineStart;
        int end = line == to.line() ? s.end() : lineStart + embedded.lineLength(line);
        int yamlStart = yaml.lineStart(firstLine + line - 1) + indent;
        if (end > start) {
          out.add(new Span(yamlStart + (start - lineStart), yamlStart + (end - lineStart)));
        }
      }
      return out;
    }

    /** The YAML offset of an offset in the embedded config's text. */
    public int offset(int embeddedOffset) {
      Position p = embedded.positionOf(embeddedOffset);
      return yaml.lineStart(firstLine + p.line() - 1) + indent + p.column() - 1;
    }

    @Override
    public boolean editable() {
      return true;
    }
  }

  /** Everything at the value's position; masks cover the whole value. */
  record Point(Position at, Span value) implements Placement {
    @Override
    public Position toYaml(Position p) {
      return at;
    }

    @Override
    public List<Span> toYaml(Span s) {
      return List.of(value);
    }

    @Override
    public boolean editable() {
      return false;
    }
  }
}
