package dev.smtplint.check;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suppression comments of one file: {@code // smtplint-disable RULE[,RULE]} on a line of its own
 * silences the rules for the whole file, {@code // smtplint-disable-next-line RULE[,RULE]} for the
 * line after it. A comment must stand alone on its line, where it cannot be inside a JSON string.
 */
record Suppressions(Set<String> fileWide, Map<Integer, Set<String>> byLine, List<Named> names) {

  /** A rule name as written in a comment, with its position for an unknown-rule finding. */
  record Named(String rule, Position position) {}

  private static final Pattern COMMENT =
      Pattern.compile("^(\\s*//\\s*smtplint-disable(-next-line)?\\s+)([^\\s].*?)\\s*$");

  static Suppressions parse(SourceFile source) {
    Set<String> fileWide = new HashSet<>();
    Map<Integer, Set<String>> byLine = new HashMap<>();
    List<Named> names = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      if (!line.contains("smtplint-disable")) {
        continue;
      }
      Matcher m = COMMENT.matcher(line);
      if (!m.matches()) {
        continue;
      }
      boolean nextLine = m.group(2) != null;
      int column = m.start(3) + 1;
      for (String part : m.group(3).split(",", -1)) {
        String rule = part.strip();
        int at = column + (part.length() - part.stripLeading().length());
        column += part.length() + 1;
        if (rule.isEmpty() || rule.startsWith("--")) {
          break; // "-- reason" after the names is a comment for humans
        }
        String name = rule.split("\\s+")[0];
        names.add(new Named(name, new Position(i + 1, at)));
        if (nextLine) {
          byLine.computeIfAbsent(i + 2, k -> new HashSet<>()).add(name);
        } else {
          fileWide.add(name);
        }
      }
    }
    return new Suppressions(fileWide, byLine, names);
  }

  boolean silences(String rule, int line) {
    return fileWide.contains(rule) || byLine.getOrDefault(line, Set.of()).contains(rule);
  }
}
