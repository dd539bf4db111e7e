package dev.smtplint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal on standard error, if standard error is one: the live probe's status
 * line goes there, cut to fit (a wrapped status line leaves a line behind at every tick). Java 17
 * cannot ask; {@code stty size} on standard error can, once per probe run (not on the plain lint
 * path). Not in CI, and not where TERM is dumb.
 */
final class ErrorTerminal {
  private ErrorTerminal() {}

  static OptionalInt width(Map<String, String> env) {
    if (env.containsKey("CI") || "dumb".equals(env.get("TERM"))) {
      return OptionalInt.empty();
    }
    try {
      Process p =
          new ProcessBuilder("sh", "-c", "stty size 0<&2 2>/dev/null")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return OptionalInt.empty();
      }
      String answer =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      String[] parts = answer.split("\\s+");
      if (p.exitValue() != 0 || parts.length != 2) {
        return OptionalInt.empty();
      }
      int columns = Integer.parseInt(parts[1]);
      // A terminal that does not know its size (0 columns: a bare pseudo-terminal) gets 80.
      return OptionalInt.of(columns == 0 ? 80 : Math.max(columns, 10));
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  /**
   * The line cut to {@code columns - 1} characters (the last column would wrap on some terminals).
   */
  static String fit(String line, int columns) {
    int room = columns - 1;
    if (line.codePointCount(0, line.length()) <= room) {
      return line;
    }
    int end = line.offsetByCodePoints(0, Math.max(0, room - 1));
    return line.substring(0, end) + "…";
  }
}
