package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.RuleInfo;

final class HeloDomainInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("helo-domain-invalid", WARNING, Group.CORRECTNESS,
      "domain (the EHLO name) is not a valid host name.",
      new RuleInfo.Explanation(
          "Sourcegraph sends \"domain\" in EHLO. Servers such as Google's SMTP relay check it and answer "
              + "501 or 550 to a name that is not a fully qualified host name, or that contains a scheme or an address.",
          "\"domain\": \"https://sourcegraph.acme.io\"",
          "\"domain\": \"sourcegraph.acme.io\"",
          "Use the fully qualified host name of the Sourcegraph instance (or an address literal such as [192.0.2.1]).",
          "RFC 5321 §4.1.1.1 (EHLO takes a domain or an address literal)."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    s.smtpString("domain").filter(d -> !d.value().isEmpty())
        .filter(d -> d.value().chars().noneMatch(c -> c == '\r' || c == '\n') && !Placeholders.isPlaceholder(d.value()))
        .filter(d -> !Hosts.isValidHostName(d.value()) && !d.value().matches("\\[[0-9A-Fa-f:.]+\\]"))
        .ifPresent(d -> out.at(INFO, d, "domain \"" + d.value() + "\" is not a valid host name for EHLO: "
            + "use the instance's fully qualified host name, such as \"sourcegraph.your-company.com\""));
  }
}
