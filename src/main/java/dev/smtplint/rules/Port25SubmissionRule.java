package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

final class Port25SubmissionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "port-25-submission",
              WARNING,
              Group.SECURITY,
              "Port 25 with PLAIN or CRAM-MD5: port 25 is for server-to-server relay, clouds block it; submission is on 587.",
              new RuleInfo.Explanation(
                  """
                      AWS, GCP and Azure block or throttle outbound port 25, so sends time out, and providers take authenticated \
                      submission on 587. The risk is a failed send, not a leak: Go never sends PLAIN without TLS (except to \
                      localhost) and CRAM-MD5 never sends the password. With authentication none, port 25 is the normal \
                      set-up of an IP-allow-listed internal relay, and this rule stays quiet.""",
                  "\"port\": 25",
                  "\"port\": 587",
                  "Use the submission port 587 (RFC 6409), or 2525 where 587 is blocked.",
                  "RFC 6409 (message submission); Google Cloud (outbound port 25 blocked), AWS EC2 (port 25 throttled until a request removes it) and Azure (outbound SMTP on port 25 blocked for most subscription types) documentation; Go net/smtp auth.go (plainAuth.Start)."))
          .fixes(Fix.Safety.UNSAFE, "sets the port to 587: the server must take submission there");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    String host = s.host().orElse(null);
    boolean local =
        host != null
            && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1"));
    Integer p = s.portNumber().orElse(null);
    if (p != null && p == 25 && !local && s.authenticates()) {
      out.at(
          INFO,
          s.port().orElseThrow(),
          "port 25 with authentication is unusual: it is for server-to-server relay, cloud providers block it outbound, "
              + "and providers take authenticated submission on 587; use 587",
          Optional.of(
              Fix.unsafe(
                  "use 587 (changes the server port Sourcegraph connects to)",
                  List.of(Edits.replace(s.port().orElseThrow(), "587")))));
    }
  }
}
