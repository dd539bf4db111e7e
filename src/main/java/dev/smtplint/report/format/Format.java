package dev.smtplint.report.format;

import dev.smtplint.report.Report;
import java.io.IOException;
import java.io.Writer;

/** One output format; each writes a whole report. */
public interface Format {
  void write(Report report, Writer out) throws IOException;

  /** The names accepted by {@code --format}. */
  enum Name {
    TEXT,
    JSON,
    SARIF,
    GITHUB,
    JUNIT
  }
}
