package dev.smtplint.report;

import java.util.Optional;

/**
 * What a user reads about a rule: its stable id, default severity, group, one-line summary and the
 * long explanation. The catalogue in {@code rules} is the only place these are written.
 */
public record RuleInfo(
    String id,
    Severity severity,
    Group group,
    String summary,
    Explanation explanation,
    Optional<Autofix> autofix) {

  /** The parts of {@code smtplint explain}: why, a bad and a good example, the fix, the source. */
  public record Explanation(String why, String bad, String good, String fix, String source) {}

  /** What {@code lint --fix} does for the rule's findings, and how safely (see {@link Fix}). */
  public record Autofix(Fix.Safety safety, String what) {}

  public RuleInfo(
      String id, Severity severity, Group group, String summary, Explanation explanation) {
    this(id, severity, group, summary, explanation, Optional.empty());
  }

  /** The same rule, whose findings carry a fix of this kind (where the value allows one). */
  public RuleInfo fixes(Fix.Safety safety, String what) {
    return new RuleInfo(
        id, severity, group, summary, explanation, Optional.of(new Autofix(safety, what)));
  }

  public RuleInfo {
    if (!isKebabCase(id)) {
      throw new IllegalArgumentException("rule ids are kebab-case: " + id);
    }
  }

  /**
   * Lower-case letters and digits in words joined by single hyphens (probe-auth-rejected); a scan,
   * not a regex.
   */
  static boolean isKebabCase(String id) {
    boolean wordStart = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-') {
        if (wordStart) {
          return false;
        }
        wordStart = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        wordStart = false;
      } else {
        return false;
      }
    }
    return !wordStart;
  }
}
