package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

final class SesEndpointInvalidRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "ses-endpoint-invalid",
              ERROR,
              Group.PROVIDER,
              "An SES-like host that is not a real SES SMTP endpoint (the API endpoint, a misspelt region).",
              new RuleInfo.Explanation(
                  """
                      SES's SMTP interface is email-smtp.REGION.amazonaws.com (or email-smtp-fips.REGION...). \
                      email.REGION.amazonaws.com is the HTTPS API and never answers SMTP; a misspelt region does not resolve.""",
                  "\"host\": \"email.us-east-1.amazonaws.com\"",
                  "\"host\": \"email-smtp.us-east-1.amazonaws.com\"",
                  "Use email-smtp.REGION.amazonaws.com with the region where your identities are verified.",
                  "https://docs.aws.amazon.com/general/latest/gr/ses.html (Amazon SES endpoints and quotas)."))
          .fixes(
              Fix.Safety.UNSAFE,
              "writes the SMTP endpoint meant: email-smtp.REGION.amazonaws.com for the SES API host, the closest real region for a misspelt one");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str h = s.smtpString("host").orElse(null);
    Ses.Problem p = h == null ? null : Ses.problem(h.value()).orElse(null);
    if (p == null) {
      return;
    }
    Optional<Fix> fix = Optional.empty();
    if (p.endpoint().isPresent()) {
      String e = p.endpoint().get();
      fix =
          Optional.of(
              Fix.unsafe(
                  "write \"" + e + "\" (another host: check that it is your SES region)",
                  List.of(Edits.replace(h, Edits.quoted(e)))));
    }
    out.at(INFO, h, "Amazon SES: " + p.message(), fix);
  }
}
