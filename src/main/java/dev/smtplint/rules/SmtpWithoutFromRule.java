package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.report.RuleInfo;

final class SmtpWithoutFromRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("smtp-without-from", ERROR, Group.FAILS,
      "email.smtp is set but email.address is missing or empty.",
      new RuleInfo.Explanation(
          "Sourcegraph checks the from address before anything else and fails every send with "
              + "'no \"From\" email address configured (in email.address)'.",
          "\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"none\" }",
          "\"email.address\": \"sourcegraph@acme.io\",\n\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"none\" }",
          "Add \"email.address\" with the address Sourcegraph sends from (one your SMTP account may send as).",
          "Sourcegraph internal/txemail Send: `if conf.EmailAddress == \"\" { return errors.New(...) }`."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    s.smtpMember().ifPresent(smtp -> {
      boolean missing = s.addressMember().isEmpty();
      boolean empty = s.address().map(a -> a.value().isBlank()).orElse(false);
      if (missing) {
        out.atKey(INFO, smtp, "\"email.smtp\" is set but \"email.address\" is missing: Sourcegraph fails every send with "
            + "'no \"From\" email address configured'; add \"email.address\": \"noreply@your-domain\"");
      } else if (empty) {
        out.at(INFO, s.address().get(), "\"email.address\" is empty: Sourcegraph fails every send with "
            + "'no \"From\" email address configured'; set the address Sourcegraph sends from");
      }
    });
  }
}
