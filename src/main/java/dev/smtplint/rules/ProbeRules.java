package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;
import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.Group;
import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The probe's findings. The probe reports them; they are listed here so that {@code rules}, {@code
 * explain} and SARIF know them. Each step of the conversation has one.
 */
final class ProbeRules {
  private ProbeRules() {}

  /** A rule whose findings come from the probe. */
  record ProbeRule(ProbeCheck check, RuleInfo info) implements Rule {}

  private static final List<ProbeRule> RULES =
      List.of(
          rule(
              ProbeCheck.RESOLVE,
              ERROR,
              "The SMTP host name does not resolve.",
              "Sourcegraph cannot look up the host: the send fails with 'no such host'.",
              "\"host\": \"smtp.acme.iio\"",
              "\"host\": \"smtp.acme.io\"",
              "Check the spelling of \"host\", and that the Sourcegraph containers use a DNS server that knows it."),
          rule(
              ProbeCheck.CONNECT,
              ERROR,
              "The TCP connection to host:port is refused or times out.",
              "Nothing listens on that port, or a firewall drops the connection (outbound 25 is blocked on most clouds).",
              "\"port\": 25",
              "\"port\": 587",
              "Check the port against the provider's documentation and the egress rules of the Sourcegraph network."),
          rule(
              ProbeCheck.BANNER,
              ERROR,
              "The server sends no 220 greeting (often TLS-on-connect port 465).",
              "Sourcegraph waits for the greeting in plain text; an implicit-TLS server waits for a TLS hello, so neither speaks: "
                  + "Sourcegraph sets no deadline of its own, so the send waits until the server closes the connection (EOF).",
              "\"port\": 465",
              "\"port\": 587",
              "Use the STARTTLS submission port (587)."),
          rule(
              ProbeCheck.EHLO,
              ERROR,
              "The server rejects EHLO (often the EHLO name, email.smtp.domain).",
              "Sourcegraph says EHLO with \"domain\", or localhost when it is unset; strict servers refuse localhost or a bad name.",
              "\"host\": \"smtp-relay.gmail.com\"",
              "\"host\": \"smtp-relay.gmail.com\",\n\"domain\": \"sourcegraph.acme.io\"",
              "Set \"domain\" to the instance's fully qualified host name."),
          rule(
              ProbeCheck.STARTTLS,
              ERROR,
              "STARTTLS fails: refused by the server, or the TLS handshake breaks.",
              "Sourcegraph upgrades with STARTTLS whenever the server offers it, and fails the send if the upgrade fails.",
              "(server offers STARTTLS but its TLS stack is broken)",
              "(a server whose STARTTLS works)",
              "Fix the server's TLS configuration (protocol versions, cipher suites)."),
          rule(
              ProbeCheck.TLS_CERTIFICATE,
              ERROR,
              "The server's certificate is not trusted or does not match the host name.",
              "Sourcegraph verifies the certificate chain and that it names \"host\" unless noVerifyTLS is true, as"
                  + " the Go it is built with verifies them: the host only against subject alternative names (a"
                  + " Common Name alone is refused since Go 1.15), no SHA-1 signature below the root (Go 1.18,"
                  + " Sourcegraph 3.40), TLS 1.2 at least; the probe does the same for the judged release and quotes"
                  + " Go's text, the one Sourcegraph logs (\"send STARTTLS: tls: failed to verify certificate: x509:"
                  + " …\").",
              "\"host\": \"10.0.0.5\"   // certificate names smtp.acme.io",
              "\"host\": \"smtp.acme.io\"",
              "Use the host name the certificate names; reissue a certificate without subject alternative names or"
                  + " signed with SHA-1; add a private CA with --ca-file (and to the Sourcegraph containers)."),
          rule(
              ProbeCheck.AUTH_MECHANISM,
              ERROR,
              "The server does not offer the configured AUTH mechanism.",
              "Go sends AUTH with exactly the configured mechanism, whether or not the server lists it; a server without it "
                  + "answers with an error (504 5.7.4 on Exchange Online) and the send fails at 'auth'.",
              "\"authentication\": \"CRAM-MD5\"",
              "\"authentication\": \"PLAIN\"",
              "Use a mechanism the server lists in its EHLO AUTH line."),
          rule(
              ProbeCheck.AUTH_REJECTED,
              ERROR,
              "The server rejects the username or password (535).",
              "The credentials are wrong, expired, or not SMTP credentials (an IAM key, an account password where an app password is needed).",
              "\"password\": \"(an old password)\"",
              "\"password\": \"(the current SMTP password)\"",
              "Create or copy fresh SMTP credentials from the provider."),
          rule(
              ProbeCheck.PLAINTEXT_AUTH,
              ERROR,
              "Go's client refuses to send a PLAIN password: no TLS, or not the host it dialled.",
              "Go's net/smtp PlainAuth refuses to send the password over a connection without TLS unless the host is "
                  + "localhost, 127.0.0.1 or ::1, so Sourcegraph fails with 'unencrypted connection' before the server is asked; "
                  + "it also refuses when the server name it was given is not the host it dialled ('wrong host name').",
              "(a server on port 25 without STARTTLS, authentication PLAIN)",
              "(a server that offers STARTTLS on port 587)",
              "Use a port where the server offers STARTTLS (587), or run the relay on localhost."),
          rule(
              ProbeCheck.SENDER_REJECTED,
              ERROR,
              "The server rejects the sender (MAIL FROM or RCPT for this sender).",
              "The account may not send as email.address (not verified on SES, not owned by the account, not in the relay's domain).",
              "\"email.address\": \"noreply@other-domain.io\"",
              "\"email.address\": \"noreply@acme.io\"",
              "Send from an address the account may use; on SES verify the address or domain in the endpoint's region."),
          rule(
              ProbeCheck.RECIPIENT_REJECTED,
              ERROR,
              "The server rejects the recipient.",
              "Relaying is denied (not authenticated), the recipient does not exist, or SES's sandbox allows only verified recipients.",
              "--to someone@gmail.com   // SES sandbox",
              "--to success@simulator.amazonses.com",
              "Authenticate, leave the sandbox, or send to an address the server accepts."),
          rule(
              ProbeCheck.DATA_REJECTED,
              ERROR,
              "The server rejects the message after DATA.",
              "Some servers judge the message only at the end: SES answers '554 Message rejected: Email address is not verified' here.",
              "(unverified SES sender)",
              "(verified SES sender)",
              "Read the server's reply in the finding; on SES verify the sender."),
          rule(
              ProbeCheck.TIMEOUT,
              ERROR,
              "A step of the conversation did not finish within --timeout.",
              "The server (or a middlebox) stopped answering; Sourcegraph's send would hang the same way.",
              "\"port\": 465",
              "\"port\": 587",
              "Check the port, the firewall and the server's load."),
          rule(
              ProbeCheck.AUTH_NOT_OFFERED,
              WARNING,
              "The server advertised no AUTH, so Sourcegraph sends without authenticating.",
              "Sourcegraph calls Auth only when the server lists AUTH; otherwise it sends without authenticating, and MAIL or RCPT "
                  + "may then be refused (530, 554). Releases that sent through jordan-wright/email's Send (Go's smtp.SendMail, "
                  + "before Sourcegraph dialled its own client to send email.smtp.domain) failed instead with "
                  + "'smtp: server doesn't support AUTH'.",
              "(port 25 of a server that offers AUTH only after STARTTLS, with STARTTLS broken)",
              "(a server that lists AUTH)",
              "Check that you reach the submission service (587), not an MX on port 25."),
          new ProbeRule(
              ProbeCheck.HOST_NOT_ALLOWED,
              new RuleInfo(
                  ProbeCheck.HOST_NOT_ALLOWED.id(),
                  ERROR,
                  Group.PROBE,
                  "The password comes from the environment and the host is not one --allow-host names.",
                  new RuleInfo.Explanation(
                      "With --password-env the password is the CI job's secret, while the host comes from the linted file, which a "
                          + "branch can change. smtplint sends that secret only to a host the command line (--allow-host) or the "
                          + "environment (SMTPLINT_ALLOW_HOSTS) names; neither the file nor .smtplint.json can grant it. The probe "
                          + "stops before AUTH, so nothing secret was sent.",
                      "smtplint lint --probe --password-env SMTP_PASSWORD site.json   # host: smtp.acme.io, not allowed",
                      "smtplint lint --probe --password-env SMTP_PASSWORD --allow-host smtp.acme.io site.json",
                      "If the host in the message is the right one, name it with --allow-host (or SMTPLINT_ALLOW_HOSTS in the CI job).",
                      "smtplint's own trust boundary (SPEC §10, docs/security.md): not a Sourcegraph behaviour."))),
          new ProbeRule(
              ProbeCheck.NOT_RUN,
              new RuleInfo(
                  ProbeCheck.NOT_RUN.id(),
                  ERROR,
                  Group.PROBE,
                  "--probe was asked, but this file's probe could not run.",
                  new RuleInfo.Explanation(
                      "A probe that did not run proves nothing, so it must not pass: a CI job that probes exits non-zero when the "
                          + "settings have no email.smtp, have error-level findings (Sourcegraph would not get as far as sending), or "
                          + "when the file of a siteConfig list that holds email.smtp (a secrets file git ignores) is absent.",
                      "smtplint lint --probe site.json   # site.json has email.address but no email.smtp",
                      "smtplint lint --probe --merge site.json:secrets.json   # both files present",
                      "Do what the message says: add email.smtp, fix the errors above, or run where the secrets file exists.",
                      "smtplint's probe (SPEC §6): Sourcegraph internal/txemail sends only with email.smtp set; a config with "
                          + "errors is refused by the admin UI and, since 4.1 (sourcegraph#42989), stops a frontend at load."))),
          new ProbeRule(
              ProbeCheck.EXTENSION_CASE,
              new RuleInfo(
                  ProbeCheck.EXTENSION_CASE.id(),
                  WARNING,
                  Group.PROBE,
                  "The server writes STARTTLS or AUTH in lower or mixed case in its EHLO reply.",
                  new RuleInfo.Explanation(
                      "Go's released net/smtp ehlo() stores each EHLO keyword as the server wrote it and looks extensions up in "
                          + "capitals, so a lower-case \"starttls\" or \"auth\" is no offer: Sourcegraph sends without TLS, or "
                          + "without authenticating. Go's master upper-cases keywords since the fix for golang/go#78749 (2026); a "
                          + "Sourcegraph built with a Go that has it sees the offer. The probe follows the released Go and says "
                          + "what the other would do. RFC 5321 makes keywords case-insensitive, so the server is not wrong, but "
                          + "Sourcegraph depends on the capitals.",
                      "250-starttls   (the server's EHLO reply)",
                      "250-STARTTLS",
                      "Configure the server (or the proxy in front of it) to write its EHLO keywords in capitals.",
                      "Go src/net/smtp/smtp.go, (*Client).ehlo and Extension; golang/go#78749; RFC 5321 §2.4 (case of keywords)."))));

  private static ProbeRule rule(
      ProbeCheck check,
      Severity severity,
      String summary,
      String why,
      String bad,
      String good,
      String fix) {
    return new ProbeRule(
        check,
        new RuleInfo(
            check.id(),
            severity,
            Group.PROBE,
            summary,
            new RuleInfo.Explanation(
                why,
                bad,
                good,
                fix,
                """
                    Sourcegraph internal/txemail/txemail.go Send (smtp.Dial; Hello with domain or localhost; StartTLS \
                    when offered, ServerName = host, InsecureSkipVerify = noVerifyTLS; Auth only when AUTH is offered; \
                    Mail, Rcpt, Data); Go src/net/smtp/smtp.go and auth.go; the server's reply as quoted in the finding.""")));
  }

  private static final Map<ProbeCheck, RuleInfo> BY_CHECK = new EnumMap<>(ProbeCheck.class);

  static {
    for (ProbeRule r : RULES) {
      BY_CHECK.put(r.check(), r.info());
    }
    if (BY_CHECK.size() != ProbeCheck.values().length || RULES.size() != BY_CHECK.size()) {
      throw new IllegalStateException("every probe check needs exactly one catalogue entry");
    }
  }

  static final List<Rule> ALL = List.copyOf(RULES);

  static RuleInfo info(ProbeCheck check) {
    return BY_CHECK.get(check);
  }
}
