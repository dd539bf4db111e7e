package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Optional;

final class Office365BasicAuthRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "office365-basic-auth",
          WARNING,
          Group.PROVIDER,
          "Microsoft 365 is retiring basic-auth SMTP AUTH (disabled by default from the end of December 2026).",
          new RuleInfo.Explanation(
              """
                  For Microsoft 365 tenants, Microsoft disables basic authentication for SMTP AUTH client submission by \
                  default from the end of December 2026 (message center MC786329; a tenant admin can switch it back on \
                  until 2027); then every send fails with '550 5.7.30 Basic authentication is not supported for Client \
                  Submission'. Personal Outlook.com accounts lost basic authentication in September 2024. The server \
                  also offers only LOGIN and XOAUTH2, neither of which Sourcegraph speaks (see provider-auth-unsupported).""",
              "\"host\": \"smtp.office365.com\",\n\"authentication\": \"PLAIN\"",
              "\"host\": \"email-smtp.eu-west-1.amazonaws.com\",   // or another SMTP service, or an Exchange relay connector",
              "Send through a service that supports PLAIN (SES, SendGrid, Mailgun...) or an Exchange Online relay connector (port 25, authenticated by IP).",
              "Microsoft 365 message center MC786329; Exchange Online SMTP AUTH documentation."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Provider provider = Provider.of(s).orElse(null);
    Optional<String> notice = provider == null ? Optional.empty() : provider.basicAuthRetirement();
    if (notice.isPresent() && s.authenticates()) {
      out.at(
          INFO,
          s.smtpString("host").orElseThrow(),
          notice.get() + ": move to another SMTP service or a relay connector");
    }
  }
}
