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
 * The text report of a --probe run as it happens, as swaks shows a conversation: each file's static
 * findings at once, then every probe step as it starts and as it ends. At a terminal the steps
 * under way share one status line whose elapsed times tick; elsewhere (a pipe, CI) each start and
 * end is a plain line. The probe findings, verdicts and summary follow when every probe is done.
 */
final class LiveProgress {
  private final PrintWriter out;
  private final TextFormat text;
  private final boolean redraw;
  private final Map<String, Running> running = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker;
  private boolean statusShown;

  private record Running(String stage, long since) {}

  LiveProgress(PrintWriter out, TextFormat text, boolean terminal, boolean unicode) {
    this.out = out;
    this.text = text;
    this.redraw = terminal;
    this.ticker =
        terminal
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
          } else {
            line(shown + ": " + stage + " ...");
          }
        }
      }

      public void ended(ProbeStage stage) {
        synchronized (LiveProgress.this) {
          running.remove(shown);
          line(shown + ": " + text.stageLine(stage));
        }
      }
    };
  }

  /** Every probe is done: the probe findings, each file's verdict and the summary. */
  synchronized void finish(Report report) {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clearStatus();
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
    out.print("\r\u001b[K" + String.join(" · ", parts));
    statusShown = true;
    out.flush();
  }

  private void clearStatus() {
    if (statusShown) {
      out.print("\r\u001b[K");
      statusShown = false;
    }
  }
}
