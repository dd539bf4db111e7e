package dev.smtplint.cli;

import dev.smtplint.report.RuleInfo;

/** The text of {@code smtplint explain}, also used for docs/rules.md. */
final class Explanations {
  private Explanations() {}

  static String text(RuleInfo r) {
    RuleInfo.Explanation e = r.explanation();
    return r.id() + " (" + r.severity().label() + ", " + r.group() + ")\n\n"
        + r.summary() + "\n\n"
        + "Why\n" + indent(e.why()) + "\n"
        + "Bad\n" + indent(e.bad()) + "\n"
        + "Good\n" + indent(e.good()) + "\n"
        + "Fix\n" + indent(e.fix()) + "\n"
        + "Source\n" + indent(e.source());
  }

  private static String indent(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append("    ").append(line).append('\n');
    }
    return out.toString();
  }

  /** The Markdown section of a rule in docs/rules.md; its anchor is the rule id. */
  static String markdown(RuleInfo r) {
    RuleInfo.Explanation e = r.explanation();
    return "## " + r.id() + "\n\n"
        + "*" + r.severity().label() + "* · " + r.group() + "\n\n"
        + r.summary() + "\n\n"
        + "**Why.** " + e.why() + "\n\n"
        + "Bad:\n\n```jsonc\n" + e.bad() + "\n```\n\n"
        + "Good:\n\n```jsonc\n" + e.good() + "\n```\n\n"
        + "**Fix.** " + e.fix() + "\n\n"
        + "**Source.** " + e.source() + "\n";
  }
}
