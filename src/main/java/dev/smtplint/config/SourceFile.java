package dev.smtplint.config;

import java.util.List;

/** The decoded text of one input, with the name a user knows it by. */
public record SourceFile(String path, String text, List<String> lines) {
  public SourceFile {
    lines = List.copyOf(lines);
  }

  public static SourceFile of(String path, String text) {
    return new SourceFile(path, text, List.of(text.split("\r\n|\r|\n", -1)));
  }

  /** The text of a 1-based line, or an empty string past the end. */
  public String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }
}
