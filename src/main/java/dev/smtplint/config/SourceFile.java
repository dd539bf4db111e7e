package dev.smtplint.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decoded text of one input, with the name a user knows it by. {@code badEncoding} is where the
 * first byte that is not UTF-8 stood; the text holds U+FFFD for each such byte, as Go reads it.
 */
public record SourceFile(String path, String text, List<String> lines, int[] lineStarts, Optional<Position> badEncoding) {
  public SourceFile {
    lines = List.copyOf(lines);
  }

  public static SourceFile of(String path, String text) {
    return of(path, text, Optional.empty());
  }

  static SourceFile of(String path, String text, Optional<Position> badEncoding) {
    List<String> lines = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    split(text, lines, starts);
    return new SourceFile(path, text, lines, starts.stream().mapToInt(Integer::intValue).toArray(), badEncoding);
  }

  /** Lines split at CRLF, CR or LF, as Jackson counts them, with the offset each starts at. */
  private static void split(String text, List<String> out, List<Integer> starts) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        starts.add(start);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    starts.add(start);
  }

  /** The text of a 1-based line, or an empty string past the end. */
  public String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }

  /** The offset in {@link #text} at which a 1-based line starts. */
  public int lineStart(int number) {
    return number >= 1 && number <= lineStarts.length ? lineStarts[number - 1] : text.length();
  }

  /** The 1-based line and column of an offset in {@link #text}. */
  public Position positionOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return new Position(lo + 1, offset - lineStarts[lo] + 1);
  }
}
