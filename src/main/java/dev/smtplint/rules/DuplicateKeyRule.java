package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.DuplicateKey;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.ParsedConfig;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

/**
 * One object names a key twice under email.* (the last silently wins), or a later file of a
 * SITE_CONFIG_FILE list replaces a top-level email.* key whole.
 */
public final class DuplicateKeyRule implements FileRule {
  static final RuleInfo INFO =
      new RuleInfo(
              "duplicate-key",
              WARNING,
              Group.SYNTAX,
              "A key is repeated in one object (or replaced by a later file of a merge); the last one silently wins.",
              new RuleInfo.Explanation(
                  """
                      JSON decoders keep the last of two equal keys without a word. An admin who edits the first \
                      occurrence sees no effect; in a SITE_CONFIG_FILE list a later file replaces a top-level key whole.""",
                  "\"email.smtp\": {\n  \"port\": 587,\n  \"host\": \"smtp.acme.io\",\n  \"port\": 465\n}",
                  "\"email.smtp\": {\n  \"port\": 587,\n  \"host\": \"smtp.acme.io\"\n}",
                  "Delete the occurrence you do not mean; keep exactly one.",
                  "Go's encoding/json (used by Sourcegraph) keeps the last duplicate key."))
          .fixes(
              Fix.Safety.SAFE,
              "removes an earlier repeat whose value is the same as the one that wins (a scalar); different values need your choice");

  public RuleInfo info() {
    return INFO;
  }

  public void checkFile(ParsedConfig parsed, Reporter out) {
    for (DuplicateKey d : parsed.duplicates()) {
      if (d.pointer().startsWith("/email.")) {
        out.add(
            INFO,
            d.second(),
            d.pointer(),
            "\""
                + d.key()
                + "\" is repeated (first at line "
                + d.first().line()
                + "); the last one silently wins: keep only one",
            removal(parsed, d));
      }
    }
  }

  /**
   * A later file of a SITE_CONFIG_FILE list supplies a top-level email.* key an earlier one had: it
   * replaces it whole.
   */
  public static void overridden(
      JsonValue.Member later, JsonValue.Member earlier, String earlierFile, Reporter out) {
    out.add(
        INFO,
        later.keyPosition(),
        later.value().pointer(),
        "\""
            + later.key()
            + "\" replaces the one in "
            + earlierFile
            + " (line "
            + earlier.keyPosition().line()
            + ") whole: Sourcegraph merges SITE_CONFIG_FILE files by top-level key, it "
            + "does not merge objects; keep the key in one file");
  }

  /**
   * Safe: the earlier repeat removed when its value is the same scalar as the one that wins (with
   * its line, where it stands alone on it); different values need the admin's choice.
   */
  private static Optional<Fix> removal(ParsedConfig parsed, DuplicateKey d) {
    JsonValue.Member first = d.earlier();
    if (!sameScalar(first.value(), d.later().value())) {
      return Optional.empty();
    }
    String text = parsed.source().text();
    int start =
        parsed.source().lineStart(first.keyPosition().line()) + first.keyPosition().column() - 1;
    int after = first.value().span().end();
    while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
      after++;
    }
    if (after >= text.length() || text.charAt(after) != ',') {
      return Optional
          .empty(); // the repeat follows, so a comma must; anything else is not what the tree says
    }
    int end = after + 1;
    int lineStart = parsed.source().lineStart(first.keyPosition().line());
    int rest = end;
    while (rest < text.length() && (text.charAt(rest) == ' ' || text.charAt(rest) == '\t')) {
      rest++;
    }
    // Blank before the key: scanned back from the key, not copied from the line's start (a long
    // line of
    // repeats made that quadratic).
    boolean blankBefore = true;
    for (int i = start - 1; i >= lineStart && blankBefore; i--) {
      blankBefore = Character.isWhitespace(text.charAt(i));
    }
    boolean aloneOnLine =
        blankBefore
            && (rest == text.length() || text.charAt(rest) == '\n' || text.charAt(rest) == '\r');
    if (aloneOnLine) {
      start = lineStart;
      end =
          rest < text.length() && text.startsWith("\r\n", rest)
              ? rest + 2
              : Math.min(text.length(), rest + 1);
    } else {
      end = rest;
    }
    return Optional.of(
        Fix.safe(
            "remove the first \"" + d.key() + "\" (it says the same as the one that wins)",
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
}
