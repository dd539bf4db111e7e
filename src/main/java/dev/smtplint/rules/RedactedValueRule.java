package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class RedactedValueRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "redacted-value",
          ERROR,
          Group.FAILS,
          "A username or password is REDACTED, the marker Sourcegraph puts in place of secrets when it serves the config.",
          new RuleInfo.Explanation(
              """
                  When Sourcegraph serves the site configuration (the admin UI, the GraphQL API) it replaces \
                  email.smtp.password with the literal REDACTED from 3.38, and email.smtp.username too from 4.1 \
                  (sourcegraph#42376; releases up to 3.37 redact neither). Saving it back through the admin UI \
                  restores the stored value, but a config copied from there into a SITE_CONFIG_FILE sends REDACTED as \
                  the credential, and the server answers 535.""",
              "\"username\": \"REDACTED\",\n\"password\": \"REDACTED\"",
              "\"username\": \"apikey\",\n\"password\": \"(the real secret, kept out of version control)\"",
              """
                  Put the real credential back (or keep the password in a separate secrets file merged by SITE_CONFIG_FILE); \
                  to probe a copied config, give the password with --password-env.""",
              "Sourcegraph internal/conf/validate.go (siteConfigSecrets: email.smtp.password from 3.38, email.smtp.username from 4.1 by sourcegraph#42376, are redacted as \"REDACTED\" when served; UnredactSecrets puts the stored values back on save); releases.jsonc redactedPassword, redactedUsername."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str u = s.smtpString("username").orElse(null);
    if (u != null && isRedacted(u)) {
      out.at(
          INFO,
          u,
          "\"email.smtp.username\" is REDACTED, "
              + marker(s, "redactedUsername", "the username")
              + ": it would be sent as the username and AUTH fails with 535; put the real username back");
    }
    JsonValue.Str p = s.smtpString("password").orElse(null);
    if (!s.options().passwordFromEnvironment() && p != null && isRedacted(p)) {
      out.at(
          INFO,
          p,
          "\"email.smtp.password\" is REDACTED, "
              + marker(s, "redactedPassword", "the password")
              + ": it would be sent as the password and AUTH fails with 535; put the real password in an"
              + " uncommitted secrets file, or probe with --password-env");
    }
  }

  /**
   * Where the marker came from, as the judged release tells: Sourcegraph's, or (a release that does
   * not redact the field) not this release's own.
   */
  private static String marker(EmailSettings s, String fact, String what) {
    Releases.Holds redacts = Releases.holds(fact, s.options().release());
    if (redacts == Releases.Holds.NO) {
      return "which Sourcegraph "
          + s.options().release().orElseThrow()
          + " does not put there (it shows "
          + what
          + " as stored; redacting it arrived in "
          + Releases.fact(fact).arrival()
          + ")";
    }
    return "the marker Sourcegraph shows instead of the secret";
  }

  static boolean isRedacted(JsonValue.Str value) {
    return value.value().equals(EmailSettings.REDACTED);
  }
}
