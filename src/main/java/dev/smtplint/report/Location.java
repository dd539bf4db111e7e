package dev.smtplint.report;

import dev.smtplint.config.Position;

/**
 * Where a finding points: a file, the 1-based line and column of the value (or key) and just past
 * it, and the JSON Pointer of the value.
 */
public record Location(
    String path, int line, int column, String pointer, int endLine, int endColumn) {
  /** A point: the region is the one character at the position. */
  public static Location of(String path, Position position, String pointer) {
    return new Location(
        path, position.line(), position.column(), pointer, position.line(), position.column() + 1);
  }

  /** A region, from a token's first character to just past its last (as the reader recorded it). */
  public static Location of(String path, Position position, Position end, String pointer) {
    boolean forward =
        end.line() > position.line()
            || end.line() == position.line() && end.column() > position.column();
    return forward
        ? new Location(path, position.line(), position.column(), pointer, end.line(), end.column())
        : of(path, position, pointer);
  }

  /**
   * The same region in another file (a merge's finding, moved to the file that supplied the value).
   */
  public Location in(String otherPath) {
    return new Location(otherPath, line, column, pointer, endLine, endColumn);
  }
}
