package dev.smtplint.check;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suppression comments of one file: {@code // smtplint-disable RULE[,RULE]} on a line of its
 * own silences the rules for the whole file, {@code // smtplint-disable-next-line RULE[,RULE]} for
 * the line after it. A comment must stand alone on its line, where it cannot be inside a JSON
 * string. In a YAML file the same comments start with {@code #} (SPEC §5).
 */
record Suppressions(Set<String> fileWide, Map<Integer, Set<String>> byLine, List<Named> names) {

  /** A rule name as written in a comment, with its position for an unknown-rule finding. */
  record Named(String rule, Position position) {}

  private static final String DIRECTIVE = "smtplint-disable";
  private static final String NEXT_LINE = "-next-line";

  private static final Suppressions NONE = new Suppressions(Set.of(), Map.of(), List.of());

  static Suppressions parse(SourceFile source) {
    return parse(source, "//");
  }

  /** {@code mark}: what starts a comment line, "//" in JSONC, "#" in YAML. */
  static Suppressions parse(SourceFile source, String mark) {
    return source.text().contains(DIRECTIVE) ? parseDirectives(source, mark) : NONE;
  }

  private static Suppressions parseDirectives(SourceFile source, String mark) {
    Set<String> fileWide = new HashSet<>();
    Map<Integer, Set<String>> byLine = new HashMap<>();
    List<Named> names = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      if (!line.contains(DIRECTIVE)) {
        continue;
      }
      // "// smtplint-disable[-next-line] NAMES", scanned by hand: linear however long the line.
      int p = skipSpaces(line, 0);
      if (!line.startsWith(mark, p)) {
        continue;
      }
      p = skipSpaces(line, p + mark.length());
      if (!line.startsWith(DIRECTIVE, p)) {
        continue;
      }
      p += DIRECTIVE.length();
      boolean nextLine = line.startsWith(NEXT_LINE, p);
      p += nextLine ? NEXT_LINE.length() : 0;
      int namesAt = skipSpaces(line, p);
      if (namesAt == p || namesAt == line.length()) {
        continue;
      }
      int column = namesAt + 1;
      String list = line.substring(namesAt).stripTrailing();
      int reason = reasonStart(list);
      list =
          reason < 0
              ? list
              : list.substring(0, reason); // "-- why": a comment for humans, commas and all
      for (String part : list.split(",", -1)) {
        String rule = part.strip();
        int at = column + (part.length() - part.stripLeading().length());
        column += part.length() + 1;
        if (rule.isEmpty() || rule.startsWith("--")) {
          break; // "-- reason" after the names is a comment for humans
        }
        int space = 0;
        while (space < rule.length() && !Character.isWhitespace(rule.charAt(space))) {
          space++;
        }
        String name = rule.substring(0, space);
        names.add(new Named(name, new Position(i + 1, at)));
        if (nextLine) {
          byLine.putIfAbsent(i + 2, new HashSet<>());
          byLine.get(i + 2).add(name);
        } else {
          fileWide.add(name);
        }
      }
    }
    return new Suppressions(fileWide, byLine, names);
  }

  /** Where " -- reason" starts in a list of names ("--" at its start or after a blank), or -1. */
  private static int reasonStart(String list) {
    for (int i = list.indexOf("--"); i >= 0; i = list.indexOf("--", i + 1)) {
      if (i == 0 || Character.isWhitespace(list.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(String line, int from) {
    int i = from;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  boolean silences(String rule, int line) {
    return fileWide.contains(rule) || byLine.getOrDefault(line, Set.of()).contains(rule);
  }
}
