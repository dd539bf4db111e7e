package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class SmtpWithoutFromRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "smtp-without-from",
          ERROR,
          Group.FAILS,
          "email.smtp is set but email.address is missing or empty.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph checks the from address before anything else and fails every send with \
                  'no "From" email address configured (in email.address)'.""",
              "\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"none\" }",
              "\"email.address\": \"sourcegraph@acme.io\",\n\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"none\" }",
              "Add \"email.address\" with the address Sourcegraph sends from (one your SMTP account may send as).",
              "Sourcegraph internal/txemail Send: `if conf.EmailAddress == \"\" { return errors.New(...) }`."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Member smtp = s.smtpMember().orElse(null);
    if (smtp == null) {
      return;
    }
    JsonValue.Str address = s.address().orElse(null);
    if (s.addressMember().isEmpty()) {
      out.atKey(
          INFO,
          smtp,
          "\"email.smtp\" is set but \"email.address\" is missing: Sourcegraph fails every send with "
              + "'no \"From\" email address configured'; add \"email.address\": \"noreply@your-domain\"");
    } else if (address != null && address.value().isBlank()) {
      out.at(
          INFO,
          address,
          "\"email.address\" is empty: Sourcegraph fails every send with "
              + "'no \"From\" email address configured'; set the address Sourcegraph sends from");
    }
  }
}
