package dev.smtplint.report;

import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import java.util.List;

/**
 * Source excerpts as a report may show them: a window of one line around a column, with every
 * masked span (secrets, as the reader located them) shown as {@link #MASK} and every control
 * character escaped. The work is bounded by the window, not the line.
 */
public final class Redaction {
  public static final String MASK = "********";

  private Redaction() {}

  /**
   * A line's window, where its caret goes and where the token it underlines ends, in characters of
   * {@code text}.
   */
  public record Excerpt(String text, int caret, int caretEnd, boolean caretMasked) {}

  /**
   * Up to {@code width} characters of line {@code line} around the 1-based {@code column} (the
   * whole line when it is shorter), masked and escaped.
   */
  public static Excerpt window(
      SourceFile source, List<Span> masked, int line, int column, int endColumn, int width) {
    // The line is read in place, only its window: copying a long line for each of its findings was
    // quadratic (30,000 findings on one 360 KB line took 9 s).
    String text = source.text();
    int length = source.lineLength(line);
    int lineStart = source.lineStart(line);
    int at = Math.max(0, Math.min(column - 1, length));
    int endAt = Math.max(at + 1, Math.min(endColumn - 1, length));
    int from = 0;
    int to = length;
    if (length > width) {
      from = Math.max(0, Math.min(at - width / 2, length - width));
      to = Math.min(length, from + width);
    }
    StringBuilder out = new StringBuilder();
    int caret = -1;
    int caretEnd = -1;
    boolean caretMasked = false;
    boolean indent = from == 0; // a line's indentation is layout, shown even inside a masked value
    int next = Span.firstEndingAfter(masked, lineStart + from);
    int i = from;
    while (i < to) {
      Span span = next < masked.size() ? masked.get(next) : null;
      char c = text.charAt(lineStart + i);
      indent = indent && (c == ' ' || c == '\t');
      if (span != null && span.start() <= lineStart + i && lineStart + i < span.end() && !indent) {
        int skipTo = Math.min(to, span.end() - lineStart);
        if (caret < 0 && at < skipTo) {
          caret = out.length();
          caretMasked = at > i; // the column is inside the mask, not at its start
        }
        out.append(MASK);
        if (caretEnd < 0 && caret >= 0 && endAt <= skipTo) {
          caretEnd =
              out.length(); // a masked token is underlined as the mask, whatever its real length
        }
        i = skipTo;
        next++;
        continue;
      }
      if (span != null && span.end() <= lineStart + i) {
        next++;
        continue;
      }
      if (i == at) {
        caret = out.length();
      }
      if (caretEnd < 0 && caret >= 0 && i == endAt) {
        caretEnd = out.length();
      }
      escape(c, out);
      i++;
    }
    int start = caret < 0 ? out.length() : caret;
    return new Excerpt(
        out.toString(),
        start,
        Math.max(start + 1, caretEnd < 0 ? out.length() : caretEnd),
        caretMasked);
  }

  /** Control characters from a file or a server never reach a terminal or a log as such. */
  public static String printable(String text) {
    int n = text.length();
    int first = 0;
    for (char c; first < n; first++) {
      c = text.charAt(first);
      // printable ASCII (nearly every character of a message) without a call
      if ((c < 0x20 || c >= 0x7F) && needsEscape(c)) {
        break;
      }
    }
    if (first == n) {
      return text; // the common case: nothing to escape, nothing copied
    }
    StringBuilder out = new StringBuilder(n + 16).append(text, 0, first);
    for (int i = first; i < n; i++) {
      escape(text.charAt(i), out);
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return c != '\t' && isControl(c);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static void escape(char c, StringBuilder out) {
    if (!needsEscape(c)) {
      out.append(c);
    } else {
      out.append("\\u")
          .append(HEX[c >> 12 & 0xF])
          .append(HEX[c >> 8 & 0xF])
          .append(HEX[c >> 4 & 0xF])
          .append(HEX[c & 0xF]);
    }
  }

  /**
   * The one judgement of a character that may act on a terminal, a CI log or a reader's eye: C0,
   * DEL, C1, the line and paragraph separators, and the bidirectional embeddings, overrides and
   * isolates. Outputs print it escaped; fixes write it escaped into JSON.
   */
  public static boolean isControl(char c) {
    return c < 0x20
        || c == 0x7F
        || c >= 0x80 && c < 0xA0
        || c == '\u2028'
        || c == '\u2029'
        || c >= '\u202A' && c <= '\u202E'
        || c >= '\u2066' && c <= '\u2069';
  }
}
