package dev.smtplint.report;

/** The text of {@code smtplint explain}, also used for docs/rules.md. */
public final class Explanations {
  private Explanations() {}

  public static String text(RuleInfo r) {
    RuleInfo.Explanation e = r.explanation();
    return r.id()
        + " ("
        + r.severity().label()
        + ", "
        + r.group().label()
        + ")\n\n"
        + r.summary()
        + "\n\n"
        + "Why\n"
        + indent(e.why())
        + "\n"
        + "Bad\n"
        + indent(e.bad())
        + "\n"
        + "Good\n"
        + indent(e.good())
        + "\n"
        + "Fix\n"
        + indent(e.fix())
        + "\n"
        + "Autofix\n"
        + indent(autofix(r))
        + "\n"
        + "Source\n"
        + indent(e.source());
  }

  private static String indent(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append("    ").append(line).append('\n');
    }
    return out.toString();
  }

  /** The Markdown section of a rule in docs/rules.md; its anchor is the rule id. */
  public static String markdown(RuleInfo r) {
    RuleInfo.Explanation e = r.explanation();
    return "## "
        + r.id()
        + "\n\n"
        + "*"
        + r.severity().label()
        + "* · "
        + r.group().label()
        + "\n\n"
        + r.summary()
        + "\n\n"
        + "**Why.** "
        + e.why()
        + "\n\n"
        + "Bad:\n\n```jsonc\n"
        + e.bad()
        + "\n```\n\n"
        + "Good:\n\n```jsonc\n"
        + e.good()
        + "\n```\n\n"
        + "**Fix.** "
        + e.fix()
        + "\n\n"
        + "**Autofix.** "
        + autofix(r)
        + "\n\n"
        + "**Source.** "
        + e.source()
        + "\n";
  }

  /** What lint --fix does for the rule, and how safely; or that it does nothing. */
  public static String autofix(RuleInfo r) {
    return r.autofix()
        .map(
            a ->
                a.safety() == Fix.Safety.SAFE
                    ? "safe, with --fix: " + a.what()
                    : "unsafe, with --fix --unsafe-fixes (it changes what is sent): " + a.what())
        .orElse("none");
  }
}
