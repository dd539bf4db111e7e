package dev.smtplint.cli;

import picocli.CommandLine.Option;

/**
 * The --format option of the commands that print either text for people or JSON for tools (a
 * picocli mixin).
 */
final class TextOrJson {
  enum Output {
    TEXT,
    JSON
  }

  @Option(
      names = "--format",
      description = "text or json (default: ${DEFAULT-VALUE})",
      defaultValue = "text")
  Output format = Output.TEXT;

  boolean json() {
    return format == Output.JSON;
  }
}
