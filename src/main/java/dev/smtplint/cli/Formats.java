package dev.smtplint.cli;

import dev.smtplint.report.Severity;
import dev.smtplint.report.format.Format;
import dev.smtplint.report.format.GithubFormat;
import dev.smtplint.report.format.JsonFormat;
import dev.smtplint.report.format.JunitFormat;
import dev.smtplint.report.format.SarifFormat;
import dev.smtplint.report.format.TextFormat;
import java.nio.file.Path;
import java.util.Optional;

/** Picks the formatter for --format. */
final class Formats {
  private Formats() {}

  /** {@code failOn}: the exit threshold, which JUnit uses to tell failures from notes. */
  static Format create(
      Format.Name name,
      boolean color,
      boolean unicode,
      Optional<Severity> quiet,
      boolean verbose,
      Optional<Severity> failOn) {
    return switch (name) {
      case TEXT -> new TextFormat(color, unicode, quiet, verbose);
      case JSON -> new JsonFormat();
      case SARIF -> new SarifFormat(Path.of(""));
      case GITHUB -> new GithubFormat();
      case JUNIT -> new JunitFormat(failOn);
    };
  }
}
