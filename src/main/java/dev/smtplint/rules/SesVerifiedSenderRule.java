package dev.smtplint.rules;

import static dev.smtplint.report.Severity.INFO;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class SesVerifiedSenderRule implements Rule {
  static final RuleInfo INFO_ =
      new RuleInfo(
          "ses-verified-sender",
          INFO,
          Group.PROVIDER,
          "Amazon SES: email.address (or its domain) must be a verified identity in the endpoint's region.",
          new RuleInfo.Explanation(
              "SES accepts the connection, the login and even RCPT TO for an unverified sender, and rejects the "
                  + "message only after DATA with '554 Message rejected: Email address is not verified'. Identities are "
                  + "per region, and in the sandbox recipients must be verified too.",
              "\"email.address\": \"noreply@acme.io\",   // verified in us-east-1 only\n\"email.smtp\": { \"host\": \"email-smtp.eu-west-1.amazonaws.com\", ... }",
              "\"email.address\": \"noreply@acme.io\",   // verified in eu-west-1\n\"email.smtp\": { \"host\": \"email-smtp.eu-west-1.amazonaws.com\", ... }",
              "Verify the address or its domain in the SES console of the endpoint's region, then prove it with "
                  + "`smtplint lint --probe --to success@simulator.amazonses.com` (SES's mailbox simulator).",
              "https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html; Sourcegraph's email documentation."));

  public RuleInfo info() {
    return INFO_;
  }

  public void check(EmailSettings s, Reporter out) {
    String host = s.host().orElse(null);
    String region = host == null ? null : Ses.region(host).orElse(null);
    JsonValue.Str a = s.address().orElse(null);
    if (region != null
        && a != null
        && !a.value().isBlank()
        && !Placeholders.isPlaceholder(a.value())) {
      out.at(
          INFO_,
          a,
          "Amazon SES sends only from verified identities: \""
              + a.value()
              + "\" (or its domain) must be verified in "
              + region
              + "; SES rejects an unverified sender only after "
              + "DATA, so probe with --probe --to success@simulator.amazonses.com");
    }
  }
}
