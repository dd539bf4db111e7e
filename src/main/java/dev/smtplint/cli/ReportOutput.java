package dev.smtplint.cli;

import dev.smtplint.check.FailOn;
import dev.smtplint.fix.AtomicFiles;
import dev.smtplint.report.Report;
import dev.smtplint.report.Severity;
import dev.smtplint.report.format.Format;
import dev.smtplint.report.format.TextFormat;
import dev.smtplint.run.Environment;
import dev.smtplint.run.UsageException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how `lint` writes its report: the format, colour as other tools decide it, Unicode
 * marks, a live status line only at a real terminal, and -o written atomically.
 */
final class ReportOutput {
  private final Environment environment;
  private final Format.Name format;
  private final Path output;
  private final boolean quiet;
  private final boolean verbose;
  private final boolean noColor;
  private final String colorWhen;

  ReportOutput(
      Environment environment,
      Format.Name format,
      Path output,
      boolean quiet,
      boolean verbose,
      boolean noColor,
      String colorWhen) {
    this.environment = environment;
    this.format = format;
    this.output = output;
    this.quiet = quiet;
    this.verbose = verbose;
    this.noColor = noColor;
    this.colorWhen = colorWhen;
  }

  /**
   * Colour as other tools decide it: --color never/always (and --no-color) first; then NO_COLOR
   * turns it off and FORCE_COLOR on; otherwise only at a terminal that is not TERM=dumb, never into
   * a file.
   */
  boolean color() {
    if (colorWhen != null && !List.of("auto", "always", "never").contains(colorWhen)) {
      throw new UsageException("--color takes auto, always or never, not \"" + colorWhen + "\"");
    }
    if (noColor || "never".equals(colorWhen)) {
      return false;
    }
    if ("always".equals(colorWhen)) {
      return true;
    }
    Map<String, String> env = environment.env();
    if (env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty()) {
      return false;
    }
    String force = env.getOrDefault("FORCE_COLOR", "");
    if (!force.isEmpty() && !force.equals("0") && !force.equalsIgnoreCase("false")) {
      return output == null;
    }
    return output == null && environment.terminal() && !"dumb".equals(env.get("TERM"));
  }

  /** The text format of a live run: no --quiet there. */
  TextFormat textFormat() {
    return new TextFormat(color(), unicode(), Optional.empty(), verbose);
  }

  /** Redraw a status line only at a real terminal, and not in CI (whose logs keep every byte). */
  boolean terminalLive() {
    return environment.terminal() && !environment.env().containsKey("CI");
  }

  /**
   * The report in the chosen format, to -o, else standard output (standard error when stdout
   * carries fixed text).
   */
  void write(Report report, FailOn threshold, boolean toStandardError) throws IOException {
    if (quiet && neverFails(report, threshold) && format == Format.Name.TEXT && output == null) {
      return; // -q: only findings at or above --fail-on, and with never there are none (the fixer
      // hook)
    }
    boolean color = color();
    Optional<Severity> quietThreshold =
        quiet ? Optional.of(threshold.threshold().orElse(Severity.ERROR)) : Optional.empty();
    Format formatter =
        Formats.create(format, color, unicode(), quietThreshold, verbose, threshold.threshold());
    StringWriter text = new StringWriter();
    formatter.write(report, text);
    if (output != null) {
      writeAtomically(output, text.toString());
    } else if (toStandardError) {
      environment.err().print(text);
    } else {
      environment.out().print(text);
    }
  }

  /**
   * Writes the report to a temporary file beside FILE and renames it into place: a symbolic link
   * planted at FILE is replaced, never written through, and a reader never sees half a report. A
   * stream the system provides ({@code /dev/null}, a named pipe, {@code /dev/stdout}) is written to
   * as it is: renaming over it would replace the device (as root) or fail.
   */
  private static void writeAtomically(Path output, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      if (AtomicFiles.isSystemStream(output)) {
        AtomicFiles.writeThrough(output, bytes);
      } else {
        AtomicFiles.replace(output, bytes, false);
      }
    } catch (AtomicFiles.NotAFileException e) {
      throw new UsageException(output + ": cannot write the report there (not a regular file)");
    } catch (IOException e) {
      throw new UsageException(
          output + ": cannot write the report (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Whether no file's threshold fails on anything ("never" for each). */
  private static boolean neverFails(Report report, FailOn threshold) {
    for (int i = 0; i < report.files().size(); i++) {
      if (report.failOn(i, threshold.threshold()).isPresent()) {
        return false;
      }
    }
    return report.files().isEmpty() ? threshold.threshold().isEmpty() : true;
  }

  boolean unicode() {
    String lang =
        environment.env().getOrDefault("LC_ALL", environment.env().getOrDefault("LANG", ""));
    return lang.toUpperCase(Locale.ROOT).contains("UTF-8")
        || lang.toUpperCase(Locale.ROOT).contains("UTF8");
  }
}
