package dev.smtplint.cli;

import dev.smtplint.report.Severity;
import dev.smtplint.report.format.Format;
import dev.smtplint.report.format.JsonFormat;
import dev.smtplint.report.format.TextFormat;
import java.util.Optional;

/** Picks the formatter for --format. */
final class Formats {
  private Formats() {}

  static Format create(Format.Name name, boolean color, boolean unicode, Optional<Severity> quiet, boolean verbose) {
    return switch (name) {
      case TEXT -> new TextFormat(color, unicode, quiet, verbose);
      case JSON -> new JsonFormat();
      default -> throw new UsageException("--format " + name.name().toLowerCase(java.util.Locale.ROOT) + " is not available yet");
    };
  }
}
