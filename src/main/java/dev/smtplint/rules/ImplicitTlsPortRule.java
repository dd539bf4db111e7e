package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class ImplicitTlsPortRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "implicit-tls-port",
              ERROR,
              Group.FAILS,
              "Port 465 or 2465 (TLS on connect), which Sourcegraph does not speak: the connection hangs.",
              new RuleInfo.Explanation(
                  """
                      Sourcegraph opens a plain TCP connection and waits for the server's greeting, upgrading with \
                      STARTTLS later. A port 465 server waits for a TLS hello instead, so both sides wait. Sourcegraph \
                      sets no deadline on the conversation (5.6 bounds only establishing the TCP connection, 30 s, \
                      sourcegraph#63759), so the send waits until the server gives up and closes the connection \
                      ('EOF'), or for ever. Alert emails fail too while noVerifyTLS is false: Sourcegraph hands them \
                      to Alertmanager with the same email.smtp and require_tls set to !noVerifyTLS (!disableTLS in \
                      3.18-3.30), and Alertmanager up to v0.30 opens TLS on port 465 but then still demands STARTTLS, \
                      which a port 465 server does not offer; Alertmanager v0.31 (February 2026) fixed that, for a \
                      Sourcegraph that ships it.""",
                  "\"host\": \"smtp.acme.io\",\n\"port\": 465",
                  "\"host\": \"smtp.acme.io\",\n\"port\": 587",
                  "Use the provider's STARTTLS submission port: 587 (or 2525 / 2587 where port 587 is blocked).",
                  """
                      Sourcegraph internal/txemail Send (smtp.Dial, plain TCP, no tls.Dial; no deadline before 5.6, a \
                      30 s dial timeout since, sourcegraph#63759); Sourcegraph's Alertmanager configuration \
                      (require_tls: !noVerifyTLS); Alertmanager notify/email up to v0.30 (port 465: tls.Dial, then \
                      require_tls demands STARTTLS; fixed in v0.31); RFC 8314 §3.3 (465 is implicit TLS)."""))
          .fixes(
              Fix.Safety.UNSAFE,
              "sets the port to 587 (STARTTLS submission): the server must listen there");

  static final Set<Integer> PORTS = Set.of(465, 2465);

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Integer p = s.portNumber().orElse(null);
    if (p != null && PORTS.contains(p)) {
      boolean noVerify =
          s.smtpValue("noVerifyTLS").orElse(null) instanceof dev.smtplint.config.JsonValue.Bool v
              && v.value();
      out.at(
          INFO,
          s.port().orElseThrow(),
          "port "
              + p
              + " expects TLS on connect, which Sourcegraph does not speak: it connects in plain text and "
              + "the send waits for a greeting that never comes, until the server closes the connection "
              + (noVerify
                  ? "(alert emails, which Alertmanager sends without require_tls while noVerifyTLS is true, may get through); "
                  : "(alert emails fail too, with an Alertmanager before v0.31); ")
              + "use 587 (STARTTLS)",
          Optional.of(
              Fix.unsafe(
                  "use 587 (changes the server port Sourcegraph connects to)",
                  List.of(Edits.replace(s.port().orElseThrow(), "587")))));
    }
  }
}
