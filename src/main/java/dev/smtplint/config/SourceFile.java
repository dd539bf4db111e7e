package dev.smtplint.config;

import java.util.ArrayList;
import java.util.List;

/** The decoded text of one input, with the name a user knows it by. */
public record SourceFile(String path, String text, List<String> lines) {
  public SourceFile {
    lines = List.copyOf(lines);
  }

  public static SourceFile of(String path, String text) {
    return new SourceFile(path, text, lines(text));
  }

  /** Lines split at CRLF, CR or LF, as Jackson counts them. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  /** The text of a 1-based line, or an empty string past the end. */
  public String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }
}
