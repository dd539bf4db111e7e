package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class SendgridUsernameRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "sendgrid-username",
          ERROR,
          Group.PROVIDER,
          "SendGrid: the username must be the literal apikey.",
          new RuleInfo.Explanation(
              """
                  SendGrid's SMTP relay authenticates with the literal user name "apikey" and an API key as the password; \
                  an account name or e-mail address gives '535 Authentication failed: Bad username / password'.""",
              "\"host\": \"smtp.sendgrid.net\",\n\"username\": \"admin@acme.io\"",
              "\"host\": \"smtp.sendgrid.net\",\n\"username\": \"apikey\",\n\"password\": \"SG.xxxxx\"",
              "Set \"username\": \"apikey\" and put a SendGrid API key with Mail Send permission in \"password\".",
              "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api"));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Provider p = Provider.of(s).orElse(null);
    String required = p == null ? null : p.username().orElse(null);
    JsonValue.Str u = s.smtpString("username").orElse(null);
    if (required != null
        && u != null
        && !u.value().equals(required)
        && !Placeholders.isPlaceholder(u.value())) {
      out.at(
          INFO,
          u,
          p.name()
              + "'s username is always the literal \""
              + required
              + "\", and this is "
              + "something else: write \"username\": \""
              + required
              + "\" and use an API key as the password");
    }
  }
}
