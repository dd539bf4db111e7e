package dev.smtplint.cli;

import static dev.smtplint.probe.ScriptedServer.silence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe at a terminal shows each step as it happens — on a real pseudo-terminal (util-linux's
 * script), the first step is on screen within a second although the server stays silent for seconds
 * — and several stalled servers cost about one budget, not one each.
 */
class LiveProgressTest {
  @TempDir Path dir;

  private Path site(String name, int port) throws Exception {
    return Files.writeString(
        dir.resolve(name),
        "{\n  \"email.address\": \"sourcegraph@acme.io\",\n  \"email.smtp\": {\"host\": "
            + "\"localhost\", \"port\": "
            + port
            + ", \"authentication\": \"none\"}\n}\n");
  }

  @Test
  void onAPseudoTerminalTheFirstStepIsOnScreenWithinASecond() throws Exception {
    try (ScriptedServer silent = new ScriptedServer((in, out, socket) -> silence(in))) {
      Path file = site("site.json", silent.port());
      ProcessBuilder pb =
          onPseudoTerminal("", "--probe --timeout 3 --disable port-nonstandard " + file);
      long start = System.nanoTime();
      Process p = pb.start();
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      long firstStep = -1;
      long bannerTicking = -1;
      try (InputStream in = p.getInputStream()) {
        int b;
        while ((b = in.read()) >= 0) {
          seen.write(b);
          String text = seen.toString(StandardCharsets.UTF_8);
          long ms = (System.nanoTime() - start) / 1_000_000;
          if (firstStep < 0 && text.contains("resolve")) {
            firstStep = ms;
          }
          if (bannerTicking < 0 && text.matches("(?s).*banner [1-9]\\.\\d s.*")) {
            bannerTicking = ms;
          }
        }
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      String screen = seen.toString(StandardCharsets.UTF_8);
      // In order, not against the clock (a loaded CI machine starts a JVM slowly): the first step
      // is on
      // screen, then the stalled step's time ticks through 1 s and 2 s, and only then (3 s) the
      // verdict.
      int first = screen.indexOf("resolve");
      int oneSecond = indexOfMatch(screen, "banner 1\\.\\d s");
      int twoSeconds = indexOfMatch(screen, "banner 2\\.\\d s");
      int verdict = screen.indexOf("probe-banner");
      assertTrue(
          first >= 0 && first < oneSecond && oneSecond < twoSeconds && twoSeconds < verdict,
          "first step, then the ticking stalled step, then the verdict:\n" + screen);
      assertTrue(firstStep >= 0 && bannerTicking > firstStep, screen);
      assertTrue(
          screen.contains("\r\u001b[K"), "at a terminal the status line is redrawn in place");
      assertTrue(screen.contains("probe-banner") && screen.contains("1 error"), screen);
    }
  }

  /** In a pipe (and with -o) the report is written whole at the end: no progress in it. */
  @Test
  void inAPipeTheReportIsWrittenWholeWithoutProgress() throws Exception {
    try (ScriptedServer server = new ScriptedServer(ScriptedServer.hangingUpAt("NEVER"))) {
      Path file = site("plain.json", server.port());
      Run run = Run.withInput("", Map.of(), "lint", "--probe", "--timeout", "2", file.toString());
      assertEquals(0, run.code(), run.all());
      assertFalse(run.out().contains("\r"), "no redraw outside a terminal");
      assertFalse(run.out().contains(": resolve ..."), "no progress lines in the report");
      assertTrue(run.out().contains("[port-nonstandard]"), run.out());
      assertTrue(run.out().endsWith("0 errors, 0 warnings, 1 info in 1 file\n"), run.out());
      assertFalse(run.err().contains("resolve"), "nothing on standard error either: " + run.err());
    }
  }

  /**
   * On a 60-column pseudo-terminal the status line on standard error never wraps: each redraw is
   * cut to 59 columns, however long the path; with -o it still shows, and the report goes to the
   * file only.
   */
  @Test
  void onANarrowTerminalTheStatusLineIsCutToItsWidth() throws Exception {
    try (ScriptedServer silent = new ScriptedServer((in, out, socket) -> silence(in))) {
      Path deep =
          Files.createDirectories(dir.resolve("a-rather-long-directory-name/and-another-one"));
      Path file = Files.move(site("site.json", silent.port()), deep.resolve("site.json"));
      Path report = dir.resolve("report.txt");
      ProcessBuilder pb =
          onPseudoTerminal("stty cols 60; ", "--probe --timeout 2 -o " + report + " " + file);
      Process p = pb.start();
      String screen;
      try (InputStream in = p.getInputStream()) {
        screen = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertTrue(screen.contains("\r\u001b[K"), "the status line shows with -o: " + screen);
      for (String drawn : screen.split("\r\u001b\\[K")) {
        String line = drawn.split("[\r\n]", 2)[0];
        assertTrue(
            line.codePointCount(0, line.length()) <= 59, "wider than the terminal: [" + line + "]");
      }
      assertFalse(screen.contains("probe-banner"), "the report goes to -o only: " + screen);
      assertTrue(Files.readString(report).contains("probe-banner"), Files.readString(report));
    }
  }

  /** smtplint lint {@code args} on a pseudo-terminal (util-linux's script), after {@code first}. */
  private static ProcessBuilder onPseudoTerminal(String first, String args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        first
            + java
            + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
            + System.getProperty("java.class.path")
            + " dev.smtplint.cli.Main lint "
            + args;
    ProcessBuilder pb =
        new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
    pb.environment().remove("CI");
    pb.environment().put("LANG", "C.UTF-8");
    return pb;
  }

  private static int indexOfMatch(String text, String regex) {
    var m = java.util.regex.Pattern.compile(regex).matcher(text);
    return m.find() ? m.start() : -1;
  }

  /**
   * Held by what the server sees, not by the clock: the four stalled conversations are open at
   * once.
   */
  @Test
  void stalledServersAreProbedTogether() throws Exception {
    java.util.concurrent.atomic.AtomicInteger open =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    try (ScriptedServer silent =
        new ScriptedServer(
            (in, out, socket) -> {
              most.accumulateAndGet(open.incrementAndGet(), Math::max);
              try {
                silence(in);
              } finally {
                open.decrementAndGet();
              }
            })) {
      List<String> args =
          new ArrayList<>(List.of("lint", "--probe", "--timeout", "1", "--format", "json"));
      for (int i = 0; i < 4; i++) {
        args.add(site("stalled-" + i + ".json", silent.port()).toString());
      }
      long start = System.nanoTime();
      Run run = Run.withInput("", Map.of(), args.toArray(String[]::new));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(1, run.code(), run.all());
      assertEquals(4, run.out().split("\"probe-banner\"").length - 1, run.out());
      assertEquals(
          4, most.get(), "the four stalled servers were probed together, not one after another");
      assertTrue(ms < 30_000, "bounded: " + ms + " ms");
    }
  }

  /**
   * Nothing but smtplint's own lines reaches standard error: no library's log line (Angus logs
   * through JUL).
   */
  @Test
  void noLibraryLogLineReachesStandardError() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            (in, out, socket) -> {
              ScriptedServer.say(out, "220 quiet.test ESMTP");
              String line;
              while ((line = in.readLine()) != null) {
                String verb = line.split(" ")[0].toUpperCase();
                ScriptedServer.say(
                    out,
                    verb.equals("EHLO")
                        ? "250-quiet.test\r\n250 8BITMIME"
                        : verb.equals("QUIT") ? "221 bye" : "250 ok");
                if (verb.equals("QUIT")) {
                  return;
                }
              }
            })) {
      Path file = site("quiet.json", server.port());
      Run run =
          Forked.run(
              dir,
              Map.of(),
              List.of(),
              "lint",
              "--probe",
              "--timeout",
              "2",
              "--format",
              "json",
              file.toString());
      assertEquals(0, run.code(), run.all());
      assertEquals("", run.err());
    }
  }

  private static int indexOf(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start) || lines.get(i).contains(start)) {
        return i;
      }
    }
    return -1;
  }
}
