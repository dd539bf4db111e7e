package dev.smtplint.check;

import dev.smtplint.config.SecretSpans;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The check's part of fixing: fixes for the schema's own findings (a number or boolean written as a
 * string), the guards every fix passes before a report carries it, and applying edits to a text.
 */
public final class Fixes {
  private Fixes() {}

  /**
   * The findings of one file as a report may carry them: no fix in a file that is not clean UTF-8
   * JSONC (its positions are not the file's bytes), none whose edits touch a secret's span or run
   * past the text.
   */
  static List<Finding> checked(List<Finding> findings, SourceFile source, SecretSpans.Later masks) {
    boolean fixable = source.badEncoding().isEmpty();
    for (Finding f : findings) {
      fixable &=
          !f.rule().equals(Catalogue.INVALID_JSON) && !f.rule().equals(Catalogue.INVALID_ENCODING);
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      // the secrets are scanned for only when a fix is to be checked against them
      out.add(
          f.fix().isEmpty()
                  || fixable && clearOfSecrets(f.fix().get(), source, masks.scan().secrets())
              ? f
              : f.withFix(Optional.empty()));
    }
    return out;
  }

  /** Every edit within the text and clear of every secret's span (an insertion not inside one). */
  private static boolean clearOfSecrets(Fix fix, SourceFile source, List<Span> secrets) {
    for (Fix.Edit e : fix.edits()) {
      if (e.end() > source.text().length()) {
        return false;
      }
      for (Span s : secrets) {
        if (e.start() < s.end() && s.start() < e.end()
            || e.start() == e.end() && s.start() < e.start() && e.start() < s.end()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The text with the fixes applied: in order of position, a fix whose edits overlap an edit
   * already taken is left whole for the next pass (never half applied).
   */
  public static String apply(String text, List<Fix> fixes) {
    List<Fix> sorted = new ArrayList<>(fixes);
    sorted.sort((a, b) -> Integer.compare(first(a), first(b)));
    // The edits taken so far, by start: they never overlap, so an edit can overlap only the one at
    // or
    // before its start and the one after it (n log n, not n² over every fix of a large file).
    TreeMap<Integer, List<Fix.Edit>> taken = new TreeMap<>();
    for (Fix fix : sorted) {
      boolean clear = true;
      for (Fix.Edit e : fix.edits()) {
        clear &= e.end() <= text.length() && !overlapsTaken(taken, e);
      }
      if (clear) {
        for (Fix.Edit e : fix.edits()) {
          taken
              .computeIfAbsent(e.start(), k -> new ArrayList<>(1))
              .add(e); // one fix may insert and replace at one place
        }
      }
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (List<Fix.Edit> here : taken.values()) {
      here.sort((a, b) -> Integer.compare(a.end(), b.end()));
      for (Fix.Edit e : here) {
        out.append(text, at, e.start()).append(e.replacement());
        at = e.end();
      }
    }
    return out.append(text, at, text.length()).toString();
  }

  private static boolean overlapsTaken(TreeMap<Integer, List<Fix.Edit>> taken, Fix.Edit e) {
    Map.Entry<Integer, List<Fix.Edit>> before = taken.floorEntry(e.start());
    Map.Entry<Integer, List<Fix.Edit>> after = taken.higherEntry(e.start());
    return before != null && overlapsAny(before.getValue(), e)
        || after != null && overlapsAny(after.getValue(), e);
  }

  private static boolean overlapsAny(List<Fix.Edit> edits, Fix.Edit e) {
    for (Fix.Edit t : edits) {
      if (overlaps(t, e)) {
        return true;
      }
    }
    return false;
  }

  private static int first(Fix fix) {
    return fix.edits().stream().mapToInt(Fix.Edit::start).min().orElse(0);
  }

  /**
   * Two edits overlap when their ranges share a character, or an insertion falls at the other's
   * position.
   */
  private static boolean overlaps(Fix.Edit a, Fix.Edit b) {
    return a.start() < b.end() && b.start() < a.end() || a.start() == b.start();
  }
}
