package dev.smtplint.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server reply as the transport read it: the code, the enhanced status code, the text (of its
 * last line), and every line as written, for the transcript (-v shows a multi-line reply whole).
 */
record Reply(int code, String enhanced, String text, java.util.List<String> lines) {
  Reply {
    lines = java.util.List.copyOf(lines);
  }

  private static final Pattern ENHANCED = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
  private static final int MAX_SHOWN = 200;

  /** From the transport's last response: possibly several lines, each "250-..." or "250 ...". */
  static Reply of(int code, String response) {
    String raw = response == null ? "" : response.strip();
    String[] lines = raw.split("\r?\n");
    String last = lines[lines.length - 1];
    String text =
        last.length() > 4 && last.substring(0, 3).chars().allMatch(Character::isDigit)
            ? last.substring(4)
            : last;
    Matcher m = ENHANCED.matcher(text);
    String enhanced = m.find() ? m.group(1) : "";
    return new Reply(
        code,
        enhanced,
        text.strip(),
        raw.isEmpty() ? java.util.List.of() : java.util.List.of(lines));
  }

  /**
   * Every line of the reply as the server wrote it ("250-smtp.acme.io", "250-AUTH PLAIN LOGIN",
   * "250 8BITMIME"), each cut and stripped of control characters; the shown form when the reply has
   * no lines of its own.
   */
  java.util.List<String> transcriptLines() {
    if (lines.size() <= 1) {
      return java.util.List.of(shown());
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String line : lines) {
      out.add(cleanAndCut(line));
    }
    return out;
  }

  /** Control characters as "?", and at most MAX_SHOWN characters. */
  private static String cleanAndCut(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > MAX_SHOWN ? clean.substring(0, MAX_SHOWN) + "..." : clean;
  }

  /** "535 5.7.8 Authentication credentials invalid", cut and stripped of control characters. */
  String shown() {
    String clean = cleanAndCut(text);
    return (code > 0 ? code + " " : "")
        + (clean.startsWith(enhanced) || enhanced.isEmpty() ? clean : enhanced + " " + clean);
  }
}
