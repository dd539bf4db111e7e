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

  /**
   * A reply, each of its lines (a multi-line EHLO reply lists the extensions); {@code note} after
   * the last.
   */
  void server(Reply reply, String note) {
    List<String> replyLines = reply.transcriptLines();
    for (int i = 0; i < replyLines.size(); i++) {
      lines.add("S: " + replyLines.get(i) + (i == replyLines.size() - 1 ? note : ""));
    }
  }

  void note(String line) {
    lines.add("!  " + line);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
