package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class SesCredentialsFormatRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "ses-credentials-format",
          WARNING,
          Group.PROVIDER,
          "SES SMTP credentials are not IAM keys: username not shaped like an access key id, or a 40-character IAM secret as password.",
          new RuleInfo.Explanation(
              """
                  The SES SMTP username is an IAM access key id (AKIA..., 20 characters) and the SMTP password is \
                  derived from the secret access key (44 characters). Pasting the IAM secret key itself, or a user \
                  name, gives '535 Authentication Credentials Invalid'.""",
              "\"username\": \"ses-smtp-user.20240101\",\n\"password\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"",
              "\"username\": \"AKIAIOSFODNN7EXAMPLE\",\n\"password\": \"BBHd...(44 characters, from the SES console)\"",
              """
                  Create SMTP credentials in the SES console (Account dashboard, SMTP settings), or derive the SMTP \
                  password from the secret key with AWS's documented algorithm.""",
              "https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html"));

  // Each pattern has one length: a value of another length is answered without the matcher.
  private static final int ACCESS_KEY_ID_LENGTH = 20;
  private static final int IAM_SECRET_LENGTH = 40;

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    String host = s.host().orElse(null);
    if (host == null || Ses.region(host).isEmpty()) {
      return;
    }
    JsonValue.Str u = s.smtpString("username").orElse(null);
    if (u != null
        && !u.value().isEmpty()
        && !Placeholders.isPlaceholder(u.value())
        && (u.value().length() != ACCESS_KEY_ID_LENGTH || !Matchers.accessKeyId(u.value()))) {
      out.at(
          INFO,
          u,
          "Amazon SES: the SMTP username is an access key id (AKIA followed by 16 "
              + "characters), but this username is not shaped like one: use the SMTP credentials from the SES console");
    }
    JsonValue.Str p = s.smtpString("password").orElse(null);
    if (p != null
        && p.value().length() == IAM_SECRET_LENGTH
        && Matchers.iamSecretShape(p.value())) {
      out.at(
          INFO,
          p,
          "Amazon SES: the password has the shape of an IAM secret access key, not of an SES SMTP password "
              + "(which is derived from one): use the SMTP password from the SES console (value not shown)");
    }
  }
}
