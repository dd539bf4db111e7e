package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.RuleInfo;

final class Port25SubmissionRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("port-25-submission", WARNING, Group.SECURITY,
      "Port 25 is for server-to-server relay; clouds block it and TLS there is only opportunistic. Use 587.",
      new RuleInfo.Explanation(
          "AWS, GCP and Azure block or throttle outbound port 25, so sends time out; and a server on 25 may not "
              + "offer STARTTLS, in which case Sourcegraph authenticates and sends in clear text.",
          "\"port\": 25",
          "\"port\": 587",
          "Use the submission port 587 (RFC 6409), or 2525 where 587 is blocked.",
          "RFC 6409 (message submission); GCP and AWS documentation on outbound port 25."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    boolean local = s.host().map(h -> h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1")).orElse(false);
    s.portNumber().filter(p -> p == 25 && !local).ifPresent(p -> out.at(INFO, s.port().orElseThrow(),
        "port 25 is for server-to-server relay: cloud providers block it and STARTTLS there is optional, so the "
            + "password may travel in clear text; use 587"));
  }
}
