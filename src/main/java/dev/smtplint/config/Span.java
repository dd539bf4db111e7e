package dev.smtplint.config;

/** A range of a source text in characters: {@code start} inclusive, {@code end} exclusive. */
public record Span(int start, int end) {
  public static final Span NONE = new Span(0, 0);

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("a span runs forward from 0: " + start + ".." + end);
    }
  }
}
