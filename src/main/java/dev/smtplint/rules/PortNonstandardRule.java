package dev.smtplint.rules;

import static dev.smtplint.report.Severity.INFO;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Set;

final class PortNonstandardRule implements Rule {
  static final RuleInfo INFO_ =
      new RuleInfo(
          "port-nonstandard",
          INFO,
          Group.CORRECTNESS,
          "A port other than 25, 465, 587, 2525 or 2587.",
          new RuleInfo.Explanation(
              "Mail providers listen on a handful of ports; another number is often a typo (5877) or a port of "
                  + "another service (443, 993), and the connection is refused or hangs.",
              "\"port\": 5877",
              "\"port\": 587",
              "Check the provider's documentation for its SMTP submission port; a local test server (MailHog: 1025) is fine.",
              "IANA service names: smtp 25, submissions 465, submission 587; 2525 and 2587 are common alternatives."));

  static final Set<Integer> STANDARD = Set.of(25, 465, 587, 2525, 2587, 2465);

  public RuleInfo info() {
    return INFO_;
  }

  public void check(EmailSettings s, Reporter out) {
    Integer p = s.portNumber().orElse(null);
    if (p != null && !STANDARD.contains(p)) {
      out.at(
          INFO_,
          s.port().orElseThrow(),
          "port "
              + p
              + " is not a usual SMTP port (25, 465, 587, 2525, 2587): check it against the provider's documentation");
    }
  }
}
