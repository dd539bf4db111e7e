package dev.smtplint.report;

import dev.smtplint.config.Position;

/** Where a finding points: a file, a 1-based line and column, and the JSON Pointer of the value. */
public record Location(String path, int line, int column, String pointer) {
  public static Location of(String path, Position position, String pointer) {
    return new Location(path, position.line(), position.column(), pointer);
  }
}
