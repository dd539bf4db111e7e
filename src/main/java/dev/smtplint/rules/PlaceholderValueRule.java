package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class PlaceholderValueRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "placeholder-value",
          ERROR,
          Group.FAILS,
          "A value is still the documentation's placeholder (<YOUR SECRET>, from@domain.com, any <...>, a password like mypassword).",
          new RuleInfo.Explanation(
              """
                  Values copied from the documentation look filled in, so they survive review: Sourcegraph then \
                  authenticates with "<YOUR SECRET>" (535), connects to smtp-server.example.com (no such host), \
                  or sends from from@domain.com (rejected as an unverified or foreign sender).""",
              "\"username\": \"<SES SMTP username>\",\n\"password\": \"<SES SMTP password>\"",
              "\"username\": \"AKIAIOSFODNN7EXAMPLE\",\n\"password\": \"(the SES SMTP password)\"",
              "Replace the placeholder with the real value. A password may also come from the environment at probe time (--password-env).",
              "The placeholders of Sourcegraph's 'Configure email sending / SMTP server' documentation page."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str passwordValue = s.smtpString("password").orElse(null);
    for (JsonValue.Str v : s.strings()) {
      boolean password = passwordValue == v;
      boolean placeholder =
          password
              ? Placeholders.isPlaceholderPassword(v.value())
              : Placeholders.isPlaceholder(v.value());
      if (placeholder && !(password && s.options().passwordFromEnvironment())) {
        String shown = password ? "a placeholder" : "\"" + v.value() + "\"";
        out.at(
            INFO,
            v,
            JsonValue.settingName(v.pointer())
                + " is still "
                + shown
                + " from the documentation: replace it with the real value");
      }
    }
  }
}
