package dev.smtplint.config;

/** A range of a source text in characters: {@code start} inclusive, {@code end} exclusive. */
public record Span(int start, int end) {
  public static final Span NONE = new Span(0, 0);

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("a span runs forward from 0: " + start + ".." + end);
    }
  }

  /**
   * Spans sorted by place and joined where they overlap: what the excerpt window's binary search
   * expects of a file's masks. A list this returned is returned as it is, at once: a YAML file's
   * masks are shared by every result of the file, and checking them again for each was the product
   * of the two (3,000 configs of one manifest, 6,000 masks).
   */
  public static java.util.List<Span> ordered(java.util.List<Span> spans) {
    if (spans instanceof Ordered || spans instanceof SecretSpans.Later) {
      return spans;
    }
    boolean ordered = true;
    for (int i = 1; i < spans.size() && ordered; i++) {
      ordered = spans.get(i - 1).end() <= spans.get(i).start();
    }
    return ordered ? new Ordered(spans.toArray(new Span[0])) : sortedAndJoined(spans);
  }

  /** Apart from {@link #ordered}, whose every call a batch makes, so that C1 compiles less. */
  private static java.util.List<Span> sortedAndJoined(java.util.List<Span> spans) {
    java.util.List<Span> sorted = new java.util.ArrayList<>(spans);
    sorted.sort(BY_START);
    java.util.List<Span> out = new java.util.ArrayList<>();
    for (Span s : sorted) {
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s.start() <= last.end()) {
        out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
      } else {
        out.add(s);
      }
    }
    return new Ordered(out.toArray(new Span[0]));
  }

  /** An unmodifiable list of spans known to be sorted and joined. */
  private static final class Ordered extends java.util.AbstractList<Span>
      implements java.util.RandomAccess {
    private final Span[] spans;

    Ordered(Span[] spans) {
      this.spans = spans;
    }

    @Override
    public Span get(int index) {
      return spans[index];
    }

    @Override
    public int size() {
      return spans.length;
    }
  }

  /**
   * The index of the first span of a sorted, joined list (as {@link #ordered} makes it) that ends
   * after {@code offset}: a binary search, so that looking up many offsets stays
   * linear-logarithmic.
   */
  public static int firstEndingAfter(java.util.List<Span> spans, int offset) {
    int lo = 0;
    int hi = spans.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid).end() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether a span of the sorted, joined list overlaps [from, to). */
  public static boolean anyWithin(java.util.List<Span> spans, int from, int to) {
    int i = firstEndingAfter(spans, from);
    return i < spans.size() && spans.get(i).start() < to;
  }

  private static final java.util.Comparator<Span> BY_START =
      new java.util.Comparator<>() { // no lambda on the lint path (LambdaFreeTest)
        @Override
        public int compare(Span a, Span b) {
          return Integer.compare(a.start(), b.start());
        }
      };
}
