package dev.smtplint.report;

/**
 * What a user reads about a rule: its stable id, default severity, group, one-line summary and
 * the long explanation. The catalogue in {@code rules} is the only place these are written.
 */
public record RuleInfo(
    String id, Severity severity, String group, String summary, Explanation explanation) {

  /** The parts of {@code smtplint explain}: why, a bad and a good example, the fix, the source. */
  public record Explanation(String why, String bad, String good, String fix, String source) {}

  public RuleInfo {
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("rule ids are kebab-case: " + id);
    }
  }
}
