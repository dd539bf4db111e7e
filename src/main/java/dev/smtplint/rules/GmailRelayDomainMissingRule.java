package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class GmailRelayDomainMissingRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "gmail-relay-domain-missing",
          WARNING,
          Group.PROVIDER,
          "smtp-relay.gmail.com without domain: the relay refuses the default EHLO localhost.",
          new RuleInfo.Explanation(
              """
                  Without "domain" Sourcegraph introduces itself as EHLO localhost; Google's SMTP relay answers \
                  '421 4.7.0 Try again later, closing connection. (EHLO)' and mail is never accepted.""",
              "\"host\": \"smtp-relay.gmail.com\",\n\"port\": 587",
              "\"host\": \"smtp-relay.gmail.com\",\n\"port\": 587,\n\"domain\": \"sourcegraph.acme.io\"",
              "Set \"domain\" to the instance's fully qualified host name in your Workspace domain.",
              """
                  Google Workspace SMTP relay help (support.google.com/a/answer/2956491: present your domain in EHLO, avoid "localhost"); \
                  the 421 4.7.0 (EHLO) reply is reported in many projects' trackers; Sourcegraph docs: 'If a HELO domain is required, add "domain"'."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Provider relay = Provider.of(s).orElse(null);
    JsonValue.Str domain = s.smtpString("domain").orElse(null);
    if (relay != null
        && relay.requiresHeloDomain()
        && (domain == null || domain.value().isBlank())) {
      out.at(
          INFO,
          s.smtpString("host").orElseThrow(),
          Releases.holds("domainInEhlo", s.options().release()) == Releases.Holds.NO
              ? relay.name()
                  + " refuses \"EHLO localhost\", and Sourcegraph "
                  + s.options().release().orElseThrow()
                  + " says nothing else: before 3.41 it ignores \"domain\" (sourcegraph#35943), so setting it"
                  + " does not help; upgrade to 3.41 or later, then add \"domain\""
              : relay.name()
                  + " refuses \"EHLO localhost\", which Sourcegraph "
                  + "sends when \"domain\" is unset: add \"domain\": \"<your instance's host name>\"");
    }
  }
}
