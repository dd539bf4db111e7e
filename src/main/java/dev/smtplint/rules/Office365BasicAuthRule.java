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
                  default from the end of December 2026 (message center MC786329); a tenant admin can switch it back \
                  on after that, and Microsoft is to announce the final removal date in the second half of 2027. \
                  Where it is off, every send fails with '550 5.7.30 Basic authentication is not supported for Client \
                  Submission'. Personal Outlook.com accounts lost basic authentication in September 2024. The server \
                  also offers only LOGIN and XOAUTH2, neither of which Sourcegraph speaks (see provider-auth-unsupported).""",
              "\"host\": \"smtp.office365.com\",\n\"authentication\": \"PLAIN\"",
              """
                  // an Exchange Online connector that accepts mail from Sourcegraph's outbound IP address
                  "host": "acme-io.mail.protection.outlook.com",   // your tenant's MX endpoint
                  "port": 25,
                  "authentication": "none\"""",
              """
                  Use a route that needs only what Sourcegraph speaks: (1) an Exchange Online connector that \
                  accepts mail from Sourcegraph's fixed outbound IP address (or its certificate): host your \
                  tenant's MX endpoint (TENANT.mail.protection.outlook.com), port 25, authentication none, no \
                  username or password; (2) a relay of your own (Postfix, an SMTP relay service) that Sourcegraph \
                  reaches with PLAIN or none and that signs in to Microsoft 365 with OAuth; (3) another SMTP service \
                  that takes PLAIN (Amazon SES, SendGrid, Mailgun). Probe the new route with --probe --to.""",
              "Microsoft 365 message center MC786329; Exchange Online SMTP AUTH documentation; Microsoft Learn, \"How to set up a multifunction device or application to send email using Microsoft 365\" (option 3: SMTP relay through a connector, port 25, the tenant's MX endpoint)."));

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
