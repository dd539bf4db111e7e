package dev.smtplint.config;

/** A 1-based line and column in a source file. */
public record Position(int line, int column) {
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  public static final Position START = new Position(1, 1);
}
