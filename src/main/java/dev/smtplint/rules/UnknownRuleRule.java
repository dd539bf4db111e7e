package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

/** Reported by the settings and suppression readers: a rule name that smtplint does not have. */
final class UnknownRuleRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "unknown-rule",
          WARNING,
          Group.SYNTAX,
          "A suppression comment or a setting names a rule that does not exist.",
          new RuleInfo.Explanation(
              """
                  A misspelt rule name silences nothing, so the finding it was meant to silence comes back, \
                  or a rule meant to be switched off stays on.""",
              "// smtplint-disable-next-line tls-verify-disabled\n\"noVerifyTLS\": true,",
              "// smtplint-disable-next-line tls-verification-disabled\n\"noVerifyTLS\": true,",
              "Use an id that `smtplint rules` lists.",
              "smtplint's own catalogue."));

  public RuleInfo info() {
    return INFO;
  }
}
