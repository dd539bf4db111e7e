package dev.smtplint.check;

import dev.smtplint.config.DuplicateKey;
import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.ParsedConfig;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * The check's part of fixing: fixes for the schema's own findings (a number or boolean written as a
 * string), the guards every fix passes before a report carries it, and applying edits to a text.
 */
public final class Fixes {
  private Fixes() {}

  /** Safe: {@code "587"} → {@code 587} for the port, {@code "true"} → {@code true} for noVerifyTLS. */
  static Optional<Fix> forSchemaViolation(JsonValue.Obj root, String pointer) {
    Optional<JsonValue> value = JsonValue.at(root, pointer);
    if (value.isEmpty() || !(value.get() instanceof JsonValue.Str str)) {
      return Optional.empty();
    }
    String v = str.value();
    if (pointer.equals(EmailSettings.PORT_POINTER) && v.matches("[1-9][0-9]{0,4}") && Integer.parseInt(v) <= 65535) {
      return Optional.of(Fix.safe("write the number " + v, List.of(new Fix.Edit(str.span().start(), str.span().end(), v))));
    }
    if (pointer.equals(JsonValue.child(EmailSettings.SMTP_POINTER, "noVerifyTLS")) && (v.equals("true") || v.equals("false"))) {
      return Optional.of(Fix.safe("write the boolean " + v, List.of(new Fix.Edit(str.span().start(), str.span().end(), v))));
    }
    return Optional.empty();
  }

  /**
   * Safe: a repeated key whose earlier value is the same scalar as the one that wins; the earlier
   * member is removed with its comma (its whole line when it stands alone on it; a comment after it stays).
   */
  static Optional<Fix> forDuplicate(ParsedConfig parsed, DuplicateKey d) {
    JsonValue.Member first = d.earlier();
    String key = d.key();
    if (!sameScalar(first.value(), d.later().value())) {
      return Optional.empty();
    }
    String text = parsed.source().text();
    int start = parsed.source().lineStart(first.keyPosition().line()) + first.keyPosition().column() - 1;
    int end = first.value().span().end();
    int after = end;
    while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
      after++;
    }
    if (after >= text.length() || text.charAt(after) != ',') {
      return Optional.empty(); // the repeat follows, so a comma must; anything else is not what the tree says
    }
    end = after + 1;
    int lineStart = parsed.source().lineStart(first.keyPosition().line());
    int rest = end;
    while (rest < text.length() && (text.charAt(rest) == ' ' || text.charAt(rest) == '\t')) {
      rest++;
    }
    boolean aloneOnLine = text.substring(lineStart, start).isBlank()
        && (rest == text.length() || text.charAt(rest) == '\n' || text.charAt(rest) == '\r');
    if (aloneOnLine) {
      start = lineStart;
      end = rest < text.length() && text.startsWith("\r\n", rest) ? rest + 2 : Math.min(text.length(), rest + 1);
    } else {
      end = rest;
    }
    return Optional.of(Fix.safe("remove the first \"" + key + "\" (it says the same as the one that wins)",
        List.of(new Fix.Edit(start, end, ""))));
  }

  private static boolean sameScalar(JsonValue a, JsonValue b) {
    if (a instanceof JsonValue.Str x && b instanceof JsonValue.Str y) {
      return x.value().equals(y.value());
    }
    if (a instanceof JsonValue.Num x && b instanceof JsonValue.Num y) {
      return x.text().equals(y.text());
    }
    if (a instanceof JsonValue.Bool x && b instanceof JsonValue.Bool y) {
      return x.value() == y.value();
    }
    return a instanceof JsonValue.Null && b instanceof JsonValue.Null;
  }

  /**
   * The findings of one file as a report may carry them: no fix in a file that is not clean UTF-8
   * JSONC (its positions are not the file's bytes), none whose edits touch a secret's span or run past
   * the text.
   */
  static List<Finding> checked(List<Finding> findings, SourceFile source, List<Span> secrets) {
    boolean fixable = source.badEncoding().isEmpty();
    for (Finding f : findings) {
      fixable &= !f.rule().equals(Catalogue.INVALID_JSON) && !f.rule().equals(Catalogue.INVALID_ENCODING);
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(f.fix().isEmpty() || fixable && clearOfSecrets(f.fix().get(), source, secrets) ? f : f.withFix(Optional.empty()));
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
        if (e.start() < s.end() && s.start() < e.end() || e.start() == e.end() && s.start() < e.start() && e.start() < s.end()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The text with the fixes applied: in order of position, a fix whose edits overlap an edit already
   * taken is left whole for the next pass (never half applied).
   */
  public static String apply(String text, List<Fix> fixes) {
    List<Fix> sorted = new ArrayList<>(fixes);
    sorted.sort((a, b) -> Integer.compare(first(a), first(b)));
    // The edits taken so far, by start: they never overlap, so an edit can overlap only the one at or
    // before its start and the one after it (n log n, not n² over every fix of a large file).
    TreeMap<Integer, List<Fix.Edit>> taken = new TreeMap<>();
    for (Fix fix : sorted) {
      boolean clear = true;
      for (Fix.Edit e : fix.edits()) {
        clear &= e.end() <= text.length() && !overlapsTaken(taken, e);
      }
      if (clear) {
        for (Fix.Edit e : fix.edits()) {
          taken.computeIfAbsent(e.start(), k -> new ArrayList<>(1)).add(e); // one fix may insert and replace at one place
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
    return before != null && overlapsAny(before.getValue(), e) || after != null && overlapsAny(after.getValue(), e);
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

  /** Two edits overlap when their ranges share a character, or an insertion falls at the other's position. */
  private static boolean overlaps(Fix.Edit a, Fix.Edit b) {
    return a.start() < b.end() && b.start() < a.end() || a.start() == b.start();
  }
}
