package dev.smtplint.rules;

import java.util.List;
import dev.smtplint.report.Fix;
import dev.smtplint.config.EmailSettings;
import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.report.RuleInfo;

final class SesEndpointInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("ses-endpoint-invalid", ERROR, Group.PROVIDER,
      "An SES-like host that is not a real SES SMTP endpoint (the API endpoint, a misspelt region).",
      new RuleInfo.Explanation(
          "SES's SMTP interface is email-smtp.REGION.amazonaws.com (or email-smtp-fips.REGION...). "
              + "email.REGION.amazonaws.com is the HTTPS API and never answers SMTP; a misspelt region does not resolve.",
          "\"host\": \"email.us-east-1.amazonaws.com\"",
          "\"host\": \"email-smtp.us-east-1.amazonaws.com\"",
          "Use email-smtp.REGION.amazonaws.com with the region where your identities are verified.",
          "https://docs.aws.amazon.com/general/latest/gr/ses.html (Amazon SES endpoints and quotas)."))
      .fixes(Fix.Safety.UNSAFE, "writes the SMTP endpoint meant: email-smtp.REGION.amazonaws.com for the SES API host, the closest real region for a misspelt one");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    s.smtpString("host").ifPresent(h -> Ses.problem(h.value()).ifPresent(p -> out.at(INFO, h, "Amazon SES: " + p.message(),
        p.endpoint().map(e -> Fix.unsafe("write \"" + e + "\" (another host: check that it is your SES region)",
            List.of(Edits.replace(h, Edits.quoted(e))))))));
  }
}
