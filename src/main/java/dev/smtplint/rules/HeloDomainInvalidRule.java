package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class HeloDomainInvalidRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "helo-domain-invalid",
          WARNING,
          Group.CORRECTNESS,
          "domain (the EHLO name) is not a valid host name.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph sends "domain" in EHLO as written (Go checks it only for line breaks). RFC 5321 asks for a \
                  fully qualified domain or an address literal, and servers that check it refuse anything else: Postfix \
                  with reject_invalid_helo_hostname answers 501, with reject_non_fqdn_helo_hostname 504; Google's SMTP \
                  relay closes the connection (421 4.7.0).""",
              "\"domain\": \"https://sourcegraph.acme.io\"",
              "\"domain\": \"sourcegraph.acme.io\"",
              "Use the fully qualified host name of the Sourcegraph instance (or an address literal such as [192.0.2.1]).",
              "RFC 5321 §4.1.1.1 (EHLO takes a domain or an address literal); Sourcegraph internal/txemail (client.Hello(domain)); Postfix postconf(5) (invalid_hostname_reject_code 501, non_fqdn_reject_code 504); Google Workspace SMTP relay help."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str d = s.smtpString("domain").orElse(null);
    if (d == null
        || d.value().isEmpty()
        || d.value().indexOf('\r') >= 0
        || d.value().indexOf('\n') >= 0
        || Placeholders.isPlaceholder(d.value())) {
      return;
    }
    if (!Hosts.isValidHostName(d.value()) && !Matchers.addressLiteral(d.value())) {
      out.at(
          INFO,
          d,
          "domain \""
              + d.value()
              + "\" is not a valid host name for EHLO: "
              + "use the instance's fully qualified host name, such as \"sourcegraph.your-company.com\"");
    }
  }
}
