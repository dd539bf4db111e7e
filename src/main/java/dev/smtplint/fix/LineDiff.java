package dev.smtplint.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * The line changes --diff shows, in time linear in the files: Myers' algorithm (java-diff-utils)
 * costs (N + M) · D, so 40,000 fixed lines took 16 s. Lines the two texts share at the start and
 * the end are set aside; a small middle is diffed by Myers as before (the same output); a large one
 * is aligned by a greedy walk that looks a bounded window ahead for the next shared line. Not
 * always the shortest diff, always a correct one.
 */
public final class LineDiff {
  /** Up to this many lines in the middle, Myers (its cost is then small whatever D is). */
  static final int MYERS_UP_TO = 2_000;

  /** How far the greedy walk looks ahead for the next line the two texts share. */
  private static final int WINDOW = 32;

  private LineDiff() {}

  public static Patch<String> diff(List<String> before, List<String> after) {
    int start = 0;
    while (start < before.size()
        && start < after.size()
        && before.get(start).equals(after.get(start))) {
      start++;
    }
    int endBefore = before.size();
    int endAfter = after.size();
    while (endBefore > start
        && endAfter > start
        && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
      endBefore--;
      endAfter--;
    }
    List<String> a = before.subList(start, endBefore);
    List<String> b = after.subList(start, endAfter);
    Patch<String> patch = new Patch<>();
    if (a.size() + b.size() <= MYERS_UP_TO) {
      for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
        patch.addDelta(
            delta(
                before,
                after,
                start + d.getSource().getPosition(),
                start + d.getSource().last() + 1,
                start + d.getTarget().getPosition(),
                start + d.getTarget().last() + 1));
      }
      return patch;
    }
    int i = start;
    int j = start;
    while (i < endBefore && j < endAfter) {
      if (before.get(i).equals(after.get(j))) {
        i++;
        j++;
        continue;
      }
      int[] next = resync(before, after, i, j, endBefore, endAfter);
      patch.addDelta(delta(before, after, i, next[0], j, next[1]));
      i = next[0];
      j = next[1];
    }
    if (i < endBefore || j < endAfter) {
      patch.addDelta(delta(before, after, i, endBefore, j, endAfter));
    }
    return patch;
  }

  /**
   * The nearest pair of positions at or after (i, j), within the window, whose lines are equal;
   * where there is none, one line of each is changed (or the rest of a side, where the other has
   * ended).
   */
  private static int[] resync(List<String> a, List<String> b, int i, int j, int endA, int endB) {
    for (int d = 1; d <= WINDOW; d++) {
      for (int x = 0; x <= d; x++) {
        int y = d - x;
        if (i + x < endA && j + y < endB && a.get(i + x).equals(b.get(j + y))) {
          return new int[] {i + x, j + y};
        }
      }
    }
    return new int[] {i + 1, j + 1};
  }

  private static AbstractDelta<String> delta(
      List<String> a, List<String> b, int fromA, int toA, int fromB, int toB) {
    Chunk<String> source = new Chunk<>(fromA, a.subList(fromA, toA));
    Chunk<String> target = new Chunk<>(fromB, b.subList(fromB, toB));
    if (toA == fromA) {
      return new InsertDelta<>(source, target);
    }
    return toB == fromB ? new DeleteDelta<>(source, target) : new ChangeDelta<>(source, target);
  }
}
