package dev.smtplint.report.format;

import static dev.smtplint.report.Redaction.printable;

import dev.smtplint.config.SourceFile;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.report.ProbeResult;
import dev.smtplint.report.ProbeStage;
import dev.smtplint.report.Redaction;
import dev.smtplint.report.Report;
import dev.smtplint.report.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/**
 * Compiler-style text: {@code path:line:col: severity [rule] message}, the source line with a caret
 * under the column, and a summary line.
 */
public final class TextFormat implements Format {
  private static final int MAX_EXCERPT = 160;

  private final boolean color;
  private final boolean unicode;
  private final Optional<Severity> quietThreshold;
  private final boolean verbose;

  /**
   * {@code quietThreshold}: print only findings at or above it, and no summary; {@code verbose}:
   * add the probe's protocol transcript.
   */
  public TextFormat(
      boolean color, boolean unicode, Optional<Severity> quietThreshold, boolean verbose) {
    this.color = color;
    this.unicode = unicode;
    this.quietThreshold = quietThreshold;
    this.verbose = verbose;
  }

  public void write(Report report, Writer out) throws IOException {
    for (int i = 0; i < report.files().size(); i++) {
      FileResult file = report.files().get(i);
      writeInternalError(file, out);
      if (quietThreshold.isEmpty()) {
        writeFindings(file, Findings.ALL, out, Optional.empty());
      } else if (report.failOn(i, quietThreshold).isPresent()) {
        // --quiet: each file's findings at or above its own threshold (none under "never")
        writeFindings(file, Findings.ALL, out, report.failOn(i, quietThreshold));
      }
      if (file.probe().isPresent() && quietThreshold.isEmpty()) {
        writeProbe(file, true, out);
      }
    }
    if (quietThreshold.isEmpty()) {
      out.write(summary(report) + "\n");
    }
  }

  /**
   * What a live run prints last, the probe's steps having been shown as they ran: each file's probe
   * findings, its verdict (and transcript with --verbose), then the summary.
   */
  public void writeEpilogue(Report report, Writer out) throws IOException {
    for (FileResult file : report.files()) {
      writeInternalError(file, out);
      writeFindings(file, Findings.PROBE, out);
      if (file.probe().isPresent()) {
        writeProbe(file, false, out);
      }
    }
    out.write(summary(report) + "\n");
  }

  private void writeInternalError(FileResult file, Writer out) throws IOException {
    if (file.internalError().isPresent()) {
      out.write(
          paint(printable(file.path()) + ":", "1")
              + " "
              + paint("error", colour(Severity.ERROR))
              + " "
              + file.internalError().get()
              + "\n");
    }
  }

  /** Which of a file's findings to write: all, the probe's, or the static check's. */
  public enum Findings {
    ALL,
    PROBE,
    STATIC;

    boolean select(Finding f) {
      return this == ALL || f.rule().startsWith("probe-") == (this == PROBE);
    }
  }

  /** A file's findings that {@code which} selects, each with its excerpt. */
  public void writeFindings(FileResult file, Findings which, Writer out) throws IOException {
    writeFindings(file, which, out, quietThreshold);
  }

  /** {@code threshold}: only findings at or above it (--quiet). */
  private void writeFindings(
      FileResult file, Findings which, Writer out, Optional<Severity> threshold)
      throws IOException {
    for (Finding f : file.findings()) {
      if (!which.select(f) || threshold.isPresent() && !f.severity().atLeast(threshold.get())) {
        continue;
      }
      out.write(
          paint(
                  printable(f.location().path())
                      + ":"
                      + f.location().line()
                      + ":"
                      + f.location().column()
                      + ":",
                  "1")
              + " "
              + paint(f.severity().label(), colour(f.severity()))
              + " "
              + paint("[" + f.rule() + "]", "2")
              + " "
              + (fixable(f, Fix.Safety.SAFE) ? paint("[*]", "36") + " " : "")
              + printable(f.message())
              + "\n");
      if (file.source().isPresent()) {
        excerpt(file.source().get(), f, file, out);
      }
    }
  }

  /** One finished probe step, as the report and the live progress show it. */
  public String stageLine(ProbeStage s) {
    String mark =
        s.skipped()
            ? (unicode ? "–" : "skip")
            : s.ok() ? (unicode ? "✓" : "ok") : (unicode ? "✗" : "FAIL");
    return paint(mark, s.ok() ? "32" : "31")
        + " "
        + String.format("%-10s %5d ms  ", s.stage(), s.millis())
        + printable(s.detail());
  }

  private void excerpt(SourceFile source, Finding f, FileResult file, Writer out)
      throws IOException {
    int lineNo = f.location().line();
    if (lineNo > source.lines().size()) {
      return;
    }
    int endColumn =
        f.location().endLine() == lineNo ? f.location().endColumn() : f.location().column() + 1;
    Redaction.Excerpt excerpt =
        Redaction.window(
            source, file.masked(), lineNo, f.location().column(), endColumn, MAX_EXCERPT);
    String line = excerpt.text();
    String gutter = String.valueOf(lineNo);
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < excerpt.caret() && i < line.length(); i++) {
      pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    String blank = " ".repeat(gutter.length());
    out.write(" " + paint(gutter + " |", "2") + " " + line + "\n");
    // The caret underlines the token on its line (rustc's ^~~~), as shown: a mask, not the secret's
    // length.
    String marker =
        "^"
            + "~"
                .repeat(
                    Math.max(0, Math.min(excerpt.caretEnd(), line.length()) - excerpt.caret() - 1));
    // A column inside a masked value (a Secret's, say) is not where the mask starts: say so.
    String where =
        excerpt.caretMasked()
            ? " column " + f.location().column() + ", inside a value not shown"
            : "";
    out.write(
        " "
            + paint(blank + " |", "2")
            + " "
            + pad
            + paint(marker, colour(f.severity()))
            + where
            + "\n");
  }

  private void writeProbe(FileResult file, boolean stages, Writer out) throws IOException {
    String path = file.path();
    ProbeResult probe = file.probe().orElseThrow();
    if (probe.stages().isEmpty()) {
      out.write(
          printable(path)
              + ": probe not run: "
              + probe.notRun().orElse("fix the errors above first")
              + "\n");
      return;
    }
    out.write(printable(path) + ": probe " + (probe.ok() ? "passed" : "failed") + "\n");
    if (stages) {
      for (ProbeStage s : probe.stages()) {
        out.write("  " + stageLine(s) + "\n");
      }
    }
    if (verbose) {
      for (String line : probe.transcript()) {
        out.write("    " + printable(line) + "\n");
      }
    }
  }

  public static String summary(Report report) {
    Map<Severity, Integer> counts = report.counts();
    int files = report.files().size();
    long safe = 0;
    long unsafe = 0;
    for (FileResult file : report.files()) {
      for (Finding f : file.findings()) {
        safe += fixable(f, Fix.Safety.SAFE) ? 1 : 0;
        unsafe += fixable(f, Fix.Safety.UNSAFE) ? 1 : 0;
      }
    }
    String fixable =
        safe + unsafe == 0
            ? ""
            : "; "
                + (safe > 0
                    ? "[*] "
                        + safe
                        + " fixable with --fix"
                        + (unsafe > 0 ? " (" + unsafe + " more with --fix --unsafe-fixes)" : "")
                    : unsafe + " fixable with --fix --unsafe-fixes");
    return plural(counts.get(Severity.ERROR), "error")
        + ", "
        + plural(counts.get(Severity.WARNING), "warning")
        + ", "
        + plural(counts.get(Severity.INFO), "info")
        + " in "
        + plural(files, "file")
        + fixable
        // the default release goes unsaid here (JSON and SARIF always name it)
        + (report.judgedFor().isEmpty()
            ? ""
            // a settings folder's path, a service's or container's name: text from the checkout
            : "; judged for " + Redaction.printable(String.join(", ", report.judgedFor())));
  }

  private static boolean fixable(Finding f, Fix.Safety safety) {
    return f.fix().isPresent() && f.fix().get().safety() == safety;
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
  }

  private String paint(String text, String code) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  private static String colour(Severity s) {
    return switch (s) {
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case INFO -> "1;36";
    };
  }
}
