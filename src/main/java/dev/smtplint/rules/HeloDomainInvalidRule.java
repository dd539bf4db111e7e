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
                  Sourcegraph sends "domain" in EHLO. Servers such as Google's SMTP relay check it and answer \
                  501 or 550 to a name that is not a fully qualified host name, or that contains a scheme or an address.""",
              "\"domain\": \"https://sourcegraph.acme.io\"",
              "\"domain\": \"sourcegraph.acme.io\"",
              "Use the fully qualified host name of the Sourcegraph instance (or an address literal such as [192.0.2.1]).",
              "RFC 5321 §4.1.1.1 (EHLO takes a domain or an address literal)."));

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
    if (!Hosts.isValidHostName(d.value()) && !ADDRESS_LITERAL.matcher(d.value()).matches()) {
      out.at(
          INFO,
          d,
          "domain \""
              + d.value()
              + "\" is not a valid host name for EHLO: "
              + "use the instance's fully qualified host name, such as \"sourcegraph.your-company.com\"");
    }
  }

  /** An address literal in brackets ([192.0.2.1], [IPv6:…]): Go sends it as it is. */
  private static final java.util.regex.Pattern ADDRESS_LITERAL =
      java.util.regex.Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");
}
