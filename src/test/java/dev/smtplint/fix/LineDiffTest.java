package dev.smtplint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * --diff's line changes: applied to the old lines they give the new ones, for small files (Myers)
 * and large (the greedy walk).
 */
class LineDiffTest {
  @Test
  void thePatchTurnsTheOldLinesIntoTheNew() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      int size = round % 3 == 0 ? 3_000 + random.nextInt(3_000) : random.nextInt(60);
      List<String> before = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        before.add("line " + random.nextInt(round % 2 == 0 ? 5 : 1_000_000));
      }
      List<String> after = new ArrayList<>(before);
      int edits = random.nextInt(size / 2 + 2);
      for (int e = 0; e < edits; e++) {
        int at = after.isEmpty() ? 0 : random.nextInt(after.size());
        switch (random.nextInt(3)) {
          case 0 -> after.add(at, "inserted " + e);
          case 1 -> {
            if (!after.isEmpty()) after.remove(at);
          }
          default -> {
            if (!after.isEmpty()) after.set(at, "changed " + e);
          }
        }
      }
      Patch<String> patch = LineDiff.diff(before, after);
      assertEquals(after, DiffUtils.patch(before, patch), "round " + round);
    }
  }

  @Test
  void aLargeDiffIsLinearNotMyers() throws Exception {
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 160_000; i++) {
      before.add("  \"email.address\": \"sg@acme.io\",");
    }
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 160_000; i += 2) {
      after.add(before.get(i));
      after.add("  \"other\": " + i + ",");
    }
    long start = System.nanoTime();
    Patch<String> patch = LineDiff.diff(before, after);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(
        seconds < 30,
        "160,000 changed lines: Myers would take minutes; this took " + seconds + " s");
    assertEquals(after, DiffUtils.patch(before, patch));
  }
}
