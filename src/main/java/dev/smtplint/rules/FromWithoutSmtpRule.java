package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class FromWithoutSmtpRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "from-without-smtp",
          WARNING,
          Group.FAILS,
          "email.address is set but there is no email.smtp: nothing is sent.",
          new RuleInfo.Explanation(
              """
                  Without "email.smtp" Sourcegraph has no server to send through: conf.CanSendEmail is false, so the \
                  password-reset flow answers that email sending is not configured (a site admin has to hand out \
                  reset links), and every other send fails with 'no SMTP server configured (in email.smtp)'.""",
              "\"email.address\": \"sourcegraph@acme.io\"",
              "\"email.address\": \"sourcegraph@acme.io\",\n\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"PLAIN\", \"username\": \"sourcegraph\", \"password\": \"...\" }",
              "Add an \"email.smtp\" object, or remove \"email.address\" if this instance is not meant to send email.",
              "Sourcegraph internal/conf CanSendEmail (`Get().EmailSmtp != nil`); internal/txemail Send: `if conf.EmailSmtp == nil { return errors.New(...) }`."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str a = s.address().orElse(null);
    if (s.smtpMember().isEmpty() && a != null && !a.value().isBlank()) {
      out.at(
          INFO,
          a,
          "\"email.address\" is set but there is no \"email.smtp\": Sourcegraph sends nothing "
              + "('no SMTP server configured'); add an \"email.smtp\" object");
    }
  }
}
