package dev.smtplint.rules;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Redaction;
import java.util.Optional;

/**
 * The edits fixes are made of, computed from the tree and, where a value's span is not enough (a
 * key, a new member), the text of the file that holds it. Each one checks the text it would replace
 * and gives nothing when the text is not what the tree says (so a fix can be missing, never wrong).
 */
final class Edits {
  private Edits() {}

  /** The whole value (a string with its quotes) becomes {@code json}. */
  static Fix.Edit replace(JsonValue value, String json) {
    return new Fix.Edit(value.span().start(), value.span().end(), json);
  }

  /**
   * A JSON string literal: quotes, backslashes and control characters escaped, everything else as
   * is (UTF-8).
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (Redaction.isControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** The key of {@code member}, written as a plain quoted key, becomes {@code key}. */
  static Optional<Fix.Edit> renameKey(
      Optional<SourceFile> source, JsonValue.Member member, String key) {
    if (source.isEmpty()) {
      return Optional.empty();
    }
    SourceFile s = source.get();
    int start = offset(s, member.keyPosition());
    int end = offset(s, member.keyEnd());
    if (start < 0
        || end > s.text().length()
        || end - start != member.key().length() + 2
        || !s.text().substring(start, end).equals(quoted(member.key()))) {
      return Optional.empty(); // an escaped or unquoted key: not rewritten
    }
    return Optional.of(new Fix.Edit(start, end, quoted(key)));
  }

  /**
   * A new first member of {@code object}, {@code "key": json}, before the present first member, on
   * a line of its own with the same indentation when that member starts its line.
   */
  static Optional<Fix.Edit> insertFirst(
      Optional<SourceFile> source, JsonValue.Obj object, String key, String json) {
    if (object.members().isEmpty()) {
      return Optional.empty();
    }
    JsonValue.Member first = object.members().get(0);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    SourceFile s = source.get();
    int at = offset(s, first.keyPosition());
    if (at < 0 || at >= s.text().length() || s.text().charAt(at) != '"') {
      return Optional.empty();
    }
    int lineStart = s.lineStart(first.keyPosition().line());
    String before = s.text().substring(lineStart, at);
    boolean ownLine = before.isBlank();
    String lineEnd = lineStart >= 2 && s.text().startsWith("\r\n", lineStart - 2) ? "\r\n" : "\n";
    String separator = ownLine ? "," + lineEnd + before : ", ";
    return Optional.of(new Fix.Edit(at, at, quoted(key) + ": " + json + separator));
  }

  private static int offset(SourceFile s, Position p) {
    return s.lineStart(p.line()) + p.column() - 1;
  }
}
