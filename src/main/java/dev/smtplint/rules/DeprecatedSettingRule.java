package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.RuleInfo;

final class DeprecatedSettingRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("deprecated-setting", WARNING, Group.CORRECTNESS,
      "A setting Sourcegraph no longer reads: disableTLS was renamed noVerifyTLS (2020).",
      new RuleInfo.Explanation(
          "\"disableTLS\" was renamed \"noVerifyTLS\" in November 2020 and then removed; today's schema rejects "
              + "it and the sender ignores it, so whatever it was meant to do does not happen.",
          "\"disableTLS\": true",
          "\"noVerifyTLS\": true   // only if you really must; see tls-verification-disabled",
          "Delete \"disableTLS\"; if certificate checks must be skipped, the current name is \"noVerifyTLS\".",
          "Sourcegraph internal/txemail (2020-11-12 TODO to delete DisableTLS); schema/site.schema.json has no disableTLS."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    s.smtp().flatMap(o -> o.member("disableTLS")).ifPresent(m -> out.atKey(INFO, m,
        "\"disableTLS\" is no longer read by Sourcegraph (renamed \"noVerifyTLS\" in 2020, then removed) and its schema "
            + "rejects it: delete it"));
  }
}
