package dev.smtplint.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for a mistyped name: the closest candidate within a small edit distance. */
public final class Suggestions {
  /**
   * Longer names are not compared: no real typo of a short name is this long, and the work stays
   * bounded.
   */
  private static final int MAX_TYPED = 64;

  private Suggestions() {}

  /**
   * The candidate closest to {@code typed}, if one is close enough; ties go to the candidate that
   * sorts first, so the answer never depends on a set's iteration order.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    if (typed.length() > MAX_TYPED) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = typed.toLowerCase(Locale.ROOT);
    for (String candidate : candidates.stream().sorted().toList()) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= Math.max(1, typed.length() / 3)) {
      return Optional.of(best);
    }
    // A name cut short ("implicit-tls" for implicit-tls-port): the one candidate it starts.
    String only = null;
    for (String candidate : candidates) {
      if (lower.length() >= 4 && candidate.toLowerCase(Locale.ROOT).startsWith(lower)) {
        if (only != null) {
          return Optional.empty();
        }
        only = candidate;
      }
    }
    return Optional.ofNullable(only);
  }

  /** A name from the input as a message may show it: at most 64 characters. */
  public static String shown(String name) {
    return name.length() <= MAX_TYPED ? name : name.substring(0, MAX_TYPED) + "…";
  }

  /** Optimal-string-alignment distance: edits, with a swap of neighbours ("hots"/"host") as one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
