package dev.smtplint.cli;

import dev.smtplint.probe.ProbeListener;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.ProbeStage;
import dev.smtplint.report.Redaction;
import dev.smtplint.report.Report;
import dev.smtplint.report.format.TextFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A --probe run as it happens, as swaks shows a conversation. When the report goes to a terminal,
 * each file's static findings at once, then every probe step as it ends; the probe findings,
 * verdicts and summary follow when every probe is done. When standard error is a terminal, the
 * steps under way share one status line there, whose elapsed times tick, cut to the terminal's
 * width; it is cleared before any other line is printed. Elsewhere (a pipe, -o, CI) the report is
 * written whole at the end, and nothing else goes to standard output.
 */
final class LiveProgress {
  private final PrintWriter out;
  private final PrintWriter err;
  private final TextFormat text;
  private final boolean lines;
  private final java.util.OptionalInt width;
  private final boolean redraw;
  private final Map<String, Running> running = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker;
  private boolean statusShown;

  private record Running(String stage, long since) {}

  /**
   * {@code lines}: the report goes to a terminal, so its lines are printed as they come; {@code
   * width}: standard error's terminal width, for the status line (empty: no status line).
   */
  LiveProgress(
      PrintWriter out,
      PrintWriter err,
      TextFormat text,
      boolean lines,
      java.util.OptionalInt width) {
    this.out = out;
    this.err = err;
    this.text = text;
    this.lines = lines;
    this.width = width;
    this.redraw = width.isPresent();
    this.ticker =
        redraw
            ? Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "smtplint-progress");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }
  }

  /** A file's findings from the static check, printed before any probe starts. */
  synchronized void staticFindings(FileResult file) {
    if (!lines) {
      return;
    }
    clearStatus();
    try {
      text.writeFindings(file, TextFormat.Findings.STATIC, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** The listener for one file's (or merged list's) probe. */
  ProbeListener listener(String name) {
    String shown = Redaction.printable(name);
    return new ProbeListener() {
      public void started(String stage) {
        synchronized (LiveProgress.this) {
          running.put(shown, new Running(stage, System.nanoTime()));
          if (redraw) {
            status();
          }
        }
      }

      public void ended(ProbeStage stage) {
        synchronized (LiveProgress.this) {
          running.remove(shown);
          if (lines) {
            line(shown + ": " + text.stageLine(stage));
          } else if (redraw) {
            status();
          }
        }
      }
    };
  }

  /** Every probe is done: the status line goes. */
  synchronized void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clearStatus();
    err.flush();
  }

  /** Every probe is done: the probe findings, each file's verdict and the summary. */
  synchronized void finish(Report report) {
    stop();
    try {
      text.writeEpilogue(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private synchronized void tick() {
    if (!running.isEmpty()) {
      status();
    } else {
      clearStatus();
      err.flush();
    }
  }

  /** A permanent line; at a terminal the status line is cleared first and drawn again after it. */
  private void line(String line) {
    clearStatus();
    out.print(line + "\n");
    if (redraw && !running.isEmpty()) {
      status();
    }
    out.flush();
  }

  /** "site.json: banner 1.2 s · other.json: ehlo 0.3 s", redrawn in place. */
  private void status() {
    List<String> parts = new ArrayList<>();
    long now = System.nanoTime();
    running.forEach(
        (name, r) ->
            parts.add(
                name + ": " + r.stage() + " " + String.format("%.1f s", (now - r.since()) / 1e9)));
    out.flush();
    err.print("\r\u001b[K" + ErrorTerminal.fit(String.join(" · ", parts), width.orElse(80)));
    statusShown = true;
    err.flush();
  }

  private void clearStatus() {
    if (statusShown) {
      err.print("\r\u001b[K");
      err.flush();
      statusShown = false;
    }
  }
}
