package dev.smtplint.report.format;

import dev.smtplint.config.SourceFile;
import dev.smtplint.report.Finding;
import java.util.Optional;

/** Where the JSON token a finding points at ends, for formats that want a region, not a point. */
final class Tokens {
  private Tokens() {}

  /** The 1-based column just past the token that starts at the finding's column (a string, a key, a literal). */
  static int endColumn(Optional<SourceFile> source, Finding f) {
    int start = f.location().column();
    if (source.isEmpty() || f.location().line() > source.get().lines().size()) {
      return start + 1;
    }
    String line = source.get().line(f.location().line());
    int i = start - 1;
    if (i >= line.length()) {
      return start + 1;
    }
    if (line.charAt(i) == '"') {
      for (int j = i + 1; j < line.length(); j++) {
        if (line.charAt(j) == '\\') {
          j++;
        } else if (line.charAt(j) == '"') {
          return j + 2;
        }
      }
      return line.length() + 1;
    }
    if (line.charAt(i) == '{' || line.charAt(i) == '[') {
      return start + 1;
    }
    int j = i;
    while (j < line.length() && ",}] \t".indexOf(line.charAt(j)) < 0) {
      j++;
    }
    return Math.max(j + 1, start + 1);
  }
}
