package dev.smtplint.probe;

import java.util.ArrayList;
import java.util.List;

/** What was said on the wire, for --verbose; callers pass AUTH lines already redacted. */
final class Transcript {
  private final List<String> lines = new ArrayList<>();

  void client(String line) {
    lines.add("C: " + line);
  }

  void server(String line) {
    lines.add("S: " + line);
  }

  void note(String line) {
    lines.add("!  " + line);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
