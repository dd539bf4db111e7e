package dev.smtplint.probe;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.ProbeCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The error texts a failed Sourcegraph send produces, and what each means: the one catalogue behind
 * {@code smtplint diagnose} and {@code lint --instance --probe} (which reads the answer of the
 * instance's own {@code sendTestEmail}). Sourcegraph's sender ({@code internal/txemail}, {@code
 * Send}) wraps every failure in the step it failed at ("send STARTTLS: …"), around the text of Go's
 * {@code net/smtp}, {@code net}, {@code crypto/tls} or {@code crypto/x509}, which in turn may quote
 * the server's reply. Each entry names where its text comes from. Matching is by lower-case
 * substrings (linear in the text); the input is never echoed.
 */
public final class ErrorTexts {
  private ErrorTexts() {}

  /** Where a Sourcegraph send failed: the label txemail.Send wraps the error in. */
  public enum Step {
    CONNECT("new SMTP client", "connecting and reading the server's greeting"),
    HELO("send HELO", "EHLO"),
    STARTTLS("send STARTTLS", "STARTTLS"),
    AUTH("auth", "AUTH"),
    MAIL("send MAIL", "MAIL FROM"),
    RCPT("send RCPT", "RCPT TO"),
    DATA("send DATA", "DATA"),
    WRITE("write", "writing the message"),
    CLOSE("close", "ending the message (the server's answer to the final dot)"),
    QUIT("send QUIT", "QUIT"),
    RENDER("render", "rendering the email template"),
    /** Before any step: the configuration itself, or a text without Sourcegraph's label. */
    NONE("", "");

    private final String label;
    private final String meaning;

    Step(String label, String meaning) {
      this.label = label;
      this.meaning = meaning;
    }

    public String label() {
      return label;
    }

    public String meaning() {
      return meaning;
    }
  }

  /**
   * One known text. {@code needles}: lower-case substrings that must all occur; {@code steps}: the
   * steps it is recognised at (empty: any); {@code rule}: the finding it is; {@code pointer}: the
   * setting most likely at fault; {@code example}: a real text of this kind, for tests and docs.
   */
  public record Entry(
      String name,
      List<Step> steps,
      List<String> needles,
      String rule,
      String pointer,
      String meaning,
      String fix,
      String source,
      String example) {}

  /**
   * A known error text found in what Sourcegraph said, with the step of the send it names (not
   * probe/Diagnosis, which judges the probe's own steps).
   */
  public record Match(Step step, Entry entry) {}

  private static final String TXEMAIL = "Sourcegraph internal/txemail/txemail.go (Send)";
  private static final String HOST = EmailSettings.HOST_POINTER;
  private static final String PORT = EmailSettings.PORT_POINTER;
  private static final String DOMAIN = EmailSettings.DOMAIN_POINTER;
  private static final String AUTHENTICATION = EmailSettings.AUTHENTICATION_POINTER;
  private static final String PASSWORD = EmailSettings.PASSWORD_POINTER;
  private static final String ADDRESS = EmailSettings.ADDRESS_POINTER;

  /** In order: the first entry whose needles all occur (at one of its steps) wins. */
  public static final List<Entry> ENTRIES =
      List.of(
          // Sourcegraph refuses before it connects.
          new Entry(
              "auth-type-empty",
              List.of(Step.NONE),
              List.of("invalid smtp authentication type \"\""),
              "auth-missing",
              AUTHENTICATION,
              "email.smtp.authentication is not set; Sourcegraph has no default and refuses to send.",
              "Set \"authentication\" to \"PLAIN\" (user name and password over TLS), \"CRAM-MD5\" or \"none\".",
              TXEMAIL + ": errors.Errorf(\"invalid SMTP authentication type %q\")",
              "Failed to send test email: invalid SMTP authentication type \"\", look for test ID: 3f2a1"),
          new Entry(
              "auth-type-invalid",
              List.of(Step.NONE),
              List.of("invalid smtp authentication type"),
              "auth-unknown",
              AUTHENTICATION,
              "email.smtp.authentication is not exactly PLAIN, CRAM-MD5 or none (the case matters).",
              "Write \"PLAIN\", \"CRAM-MD5\" or \"none\" exactly; LOGIN and XOAUTH2 are not supported.",
              TXEMAIL + ": errors.Errorf(\"invalid SMTP authentication type %q\")",
              "invalid SMTP authentication type \"plain\""),
          new Entry(
              "no-from-address",
              List.of(Step.NONE),
              List.of("no \"from\" email address configured"),
              "smtp-without-from",
              ADDRESS,
              "email.address is empty, so Sourcegraph sends nothing.",
              "Set \"email.address\" to the address mail is sent from (a bare mailbox: noreply@example.org).",
              TXEMAIL
                  + ": errors.New(\"no \\\"From\\\" email address configured (in email.address)\")",
              "Failed to send test email: no \"From\" email address configured (in email.address)"),
          new Entry(
              "no-smtp",
              List.of(Step.NONE),
              List.of("no smtp server configured"),
              "from-without-smtp",
              EmailSettings.SMTP_POINTER,
              "email.smtp is not set, so Sourcegraph sends nothing.",
              "Add \"email.smtp\" with host, port, authentication and, for PLAIN or CRAM-MD5, username and password.",
              TXEMAIL + ": errors.New(\"no SMTP server configured (in email.smtp)\")",
              "Failed to send test email: no SMTP server configured (in email.smtp)"),
          // Connecting.
          new Entry(
              "no-such-host",
              List.of(Step.CONNECT, Step.NONE),
              List.of("no such host"),
              ProbeCheck.RESOLVE.id(),
              HOST,
              "The host name does not resolve in the Sourcegraph container's DNS.",
              "Check the spelling of \"host\" and that the frontend's DNS can resolve it (a name only your laptop knows fails there).",
              "Go net (DNSError: \"lookup HOST: no such host\"), wrapped by "
                  + TXEMAIL
                  + " (\"new SMTP client\")",
              "Failed to send test email: new SMTP client: dial tcp: lookup smtp.acme.io on 10.96.0.10:53: no such host, look for test ID: 1a2b3"),
          new Entry(
              "connection-refused",
              List.of(Step.CONNECT, Step.NONE),
              List.of("connection refused"),
              ProbeCheck.CONNECT.id(),
              PORT,
              "Nothing listens on that host and port.",
              "Check \"port\": 587 (or 2525) for submission with STARTTLS; and that the server runs.",
              "Go net / the OS (ECONNREFUSED: \"connect: connection refused\"), wrapped by "
                  + TXEMAIL
                  + " (\"new SMTP client\")",
              "new SMTP client: dial tcp 10.0.4.7:587: connect: connection refused"),
          new Entry(
              "connect-timeout",
              List.of(Step.CONNECT),
              List.of("timed out"),
              ProbeCheck.CONNECT.id(),
              PORT,
              "The connection was never answered: a firewall drops it (most clouds block outbound port 25).",
              "Use a submission port (587 or 2525), or open the firewall from the Sourcegraph frontend to the server.",
              "the OS (ETIMEDOUT: \"connect: connection timed out\"), wrapped by "
                  + TXEMAIL
                  + " (\"new SMTP client\")",
              "Failed to send test email: new SMTP client: dial tcp 142.250.27.108:25: connect: connection timed out, look for test ID: 9c0d1"),
          new Entry(
              "dial-timeout",
              List.of(Step.CONNECT, Step.NONE),
              List.of("dial tcp", "i/o timeout"),
              ProbeCheck.CONNECT.id(),
              PORT,
              "The TCP connection was never answered within the timeout: a firewall or the cluster's egress rules drop it "
                  + "(most clouds block outbound port 25), whatever the port.",
              "Open egress from the Sourcegraph frontend to the server's host and port, or use the provider's submission port "
                  + "(587 or 2525) where port 25 is blocked.",
              "Go net (Dialer: \"dial tcp HOST:PORT: i/o timeout\"), wrapped by "
                  + TXEMAIL
                  + " (\"new SMTP client\")",
              "new SMTP client: dial tcp 52.1.2.3:587: i/o timeout"),
          new Entry(
              "connect-io-timeout",
              List.of(Step.CONNECT),
              List.of("i/o timeout"),
              ProbeCheck.CONNECT.id(),
              PORT,
              "The connection opened, but the server's greeting did not come in time.",
              "A server that waits for TLS first (port 465) never sends a greeting: use the STARTTLS port 587.",
              "Go net (\"read tcp …: i/o timeout\" reading the 220 greeting), wrapped by "
                  + TXEMAIL
                  + " (\"new SMTP client\")",
              "new SMTP client: read tcp 10.0.0.5:41000->52.1.2.3:465: i/o timeout"),
          new Entry(
              "greeting-eof",
              List.of(Step.CONNECT),
              List.of("eof"),
              ProbeCheck.BANNER.id(),
              PORT,
              "The server closed the connection without an SMTP greeting: typically port 465, which expects TLS first and drops a plain-text client.",
              "Use the STARTTLS port (587): Sourcegraph's sender does not speak TLS on connect.",
              "Go net/textproto (io.EOF reading the 220 greeting), wrapped by "
                  + TXEMAIL
                  + " (\"new SMTP client\")",
              "Failed to send test email: new SMTP client: EOF, look for test ID: 77aa0"),
          // TLS.
          new Entry(
              "certificate-sha1",
              List.of(),
              List.of("x509: cannot verify signature: insecure algorithm"),
              ProbeCheck.TLS_CERTIFICATE.id(),
              HOST,
              "The server's certificate, or one between it and the root, is signed with SHA-1 (or MD5),"
                  + " which Go refuses since 1.18 (Sourcegraph 3.40): the signing CA is no candidate, so the"
                  + " certificate is \"signed by unknown authority\".",
              "Reissue the certificate signed with SHA-256 (openssl x509 -req … -sha256); the root's own"
                  + " signature does not matter. smtplint lint --probe --ca-file CA.pem checks it as Go does.",
              "Go crypto/x509 (InsecureAlgorithmError, as the hint of an UnknownAuthorityError), wrapped by "
                  + TXEMAIL
                  + " (\"send STARTTLS\")",
              "send STARTTLS: tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \"x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)\" while trying to verify candidate authority certificate \"Acme Mail CA\")"),
          new Entry(
              "certificate-common-name",
              List.of(),
              List.of("x509: certificate relies on legacy common name field"),
              ProbeCheck.TLS_CERTIFICATE.id(),
              HOST,
              "The server's certificate names the host only in its Common Name, with no subject"
                  + " alternative names; Go ignores the Common Name since 1.15 (Sourcegraph 3.26 at the latest).",
              "Reissue the certificate with the host as a subject alternative name"
                  + " (openssl req … -addext \"subjectAltName = DNS:smtp.acme.io\").",
              "Go crypto/x509 (HostnameError without a SAN extension), wrapped by "
                  + TXEMAIL
                  + " (\"send STARTTLS\")",
              "send STARTTLS: tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead"),
          new Entry(
              "certificate-no-names",
              List.of(),
              List.of("x509: certificate is not valid for any names"),
              ProbeCheck.TLS_CERTIFICATE.id(),
              HOST,
              "The server's certificate has a subject alternative name extension with no DNS name in it.",
              "Reissue the certificate with the host as a DNS subject alternative name.",
              "Go crypto/x509 (HostnameError), wrapped by " + TXEMAIL + " (\"send STARTTLS\")",
              "send STARTTLS: tls: failed to verify certificate: x509: certificate is not valid for any names, but wanted to match smtp.acme.io"),
          new Entry(
              "certificate-unknown-authority",
              List.of(),
              List.of("x509: certificate signed by unknown authority"),
              ProbeCheck.TLS_CERTIFICATE.id(),
              HOST,
              "The server's certificate is not signed by a certificate authority the Sourcegraph containers trust.",
              "Give the server a certificate from a public CA, or add the private CA to the frontend's trust store; "
                  + "smtplint lint --probe --ca-file CA.pem reproduces the check. noVerifyTLS: true hides the problem and exposes the password.",
              "Go crypto/x509 (UnknownAuthorityError), via crypto/tls, wrapped by "
                  + TXEMAIL
                  + " (\"send STARTTLS\")",
              "Failed to send test email: send STARTTLS: tls: failed to verify certificate: x509: certificate signed by unknown authority, look for test ID: 0b1c2"),
          new Entry(
              "certificate-expired",
              List.of(),
              List.of("x509: certificate has expired or is not yet valid"),
              ProbeCheck.TLS_CERTIFICATE.id(),
              HOST,
              "The server's certificate has expired (or is not yet valid).",
              "Renew the server's certificate.",
              "Go crypto/x509 (CertificateInvalidError, Expired), wrapped by "
                  + TXEMAIL
                  + " (\"send STARTTLS\")",
              "send STARTTLS: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-25T10:00:00Z is after 2026-10-01T00:00:00Z"),
          new Entry(
              "certificate-wrong-name",
              List.of(),
              List.of("x509: certificate is valid for"),
              ProbeCheck.TLS_CERTIFICATE.id(),
              HOST,
              "The server's certificate does not name the configured host.",
              "Set \"host\" to a name the certificate covers (often the provider's canonical SMTP host), or fix the certificate.",
              "Go crypto/x509 (HostnameError: \"certificate is valid for A, not B\"), wrapped by "
                  + TXEMAIL
                  + " (\"send STARTTLS\")",
              "send STARTTLS: tls: failed to verify certificate: x509: certificate is valid for mail.acme.io, not smtp.acme.io"),
          new Entry(
              "certificate-ip-sans",
              List.of(),
              List.of("x509: cannot validate certificate for", "ip sans"),
              ProbeCheck.TLS_CERTIFICATE.id(),
              HOST,
              "\"host\" is an IP address and the certificate names no IP addresses.",
              "Set \"host\" to the DNS name in the server's certificate.",
              "Go crypto/x509 (HostnameError for an IP), wrapped by "
                  + TXEMAIL
                  + " (\"send STARTTLS\")",
              "send STARTTLS: tls: failed to verify certificate: x509: cannot validate certificate for 10.0.4.7 because it doesn't contain any IP SANs"),
          new Entry(
              "tls-old-version",
              List.of(Step.STARTTLS, Step.NONE),
              List.of("tls: server selected unsupported protocol version"),
              ProbeCheck.STARTTLS.id(),
              HOST,
              "The server offers only TLS 1.0 or 1.1, which Go refuses (it needs TLS 1.2 or later).",
              "Upgrade the server's TLS configuration; Sourcegraph cannot send through it as it is.",
              "Go crypto/tls (handshake: \"server selected unsupported protocol version\"), wrapped by "
                  + TXEMAIL
                  + " (\"send STARTTLS\")",
              "send STARTTLS: tls: server selected unsupported protocol version 301"),
          new Entry(
              "starttls-failed",
              List.of(Step.STARTTLS),
              List.of(),
              ProbeCheck.STARTTLS.id(),
              HOST,
              "The server offered STARTTLS but the upgrade failed; Sourcegraph always upgrades when it is offered.",
              "Fix the server's TLS set-up; smtplint lint --probe shows the handshake step by step.",
              TXEMAIL + " (\"send STARTTLS\") around Go net/smtp Client.StartTLS",
              "send STARTTLS: tls: first record does not look like a TLS handshake"),
          // AUTH.
          new Entry(
              "plain-without-tls",
              List.of(Step.AUTH, Step.NONE),
              List.of("unencrypted connection"),
              ProbeCheck.PLAINTEXT_AUTH.id(),
              PORT,
              "Go refuses to send a PLAIN password over a connection without TLS (the server offered no STARTTLS), except to localhost.",
              "Use the server's submission port with STARTTLS (587), or a server that offers STARTTLS.",
              "Go net/smtp (plainAuth.Start: errors.New(\"unencrypted connection\")), wrapped by "
                  + TXEMAIL
                  + " (\"auth\")",
              "Failed to send test email: auth: unencrypted connection, look for test ID: 5e6f7"),
          new Entry(
              "plain-wrong-host",
              List.of(Step.AUTH, Step.NONE),
              List.of("wrong host name"),
              ProbeCheck.PLAINTEXT_AUTH.id(),
              HOST,
              "Go's PLAIN refuses to authenticate to a server whose name differs from the configured host.",
              "Set \"host\" to the name the server is reached by.",
              "Go net/smtp (plainAuth.Start: errors.New(\"wrong host name\")), wrapped by "
                  + TXEMAIL
                  + " (\"auth\")",
              "auth: wrong host name"),
          new Entry(
              "mechanism-unrecognised",
              List.of(),
              List.of("504 ", "unrecognized authentication type"),
              ProbeCheck.AUTH_MECHANISM.id(),
              AUTHENTICATION,
              "The server does not offer the configured mechanism (Microsoft 365 offers only LOGIN and XOAUTH2, neither of which Sourcegraph speaks).",
              "Use a mechanism the server offers (PLAIN or CRAM-MD5), or relay through a provider that offers PLAIN.",
              "the server's reply (Microsoft 365: \"504 5.7.4 Unrecognized authentication type\"), via Go net/smtp, wrapped by "
                  + TXEMAIL
                  + " (\"auth\")",
              "Failed to send test email: auth: 504 5.7.4 Unrecognized authentication type [AM0PR02CA0012.eurprd02.prod.outlook.com], look for test ID: 4d5e6"),
          new Entry(
              "basic-auth-disabled",
              List.of(),
              List.of("5.7.30", "basic authentication is not supported"),
              ProbeCheck.AUTH_REJECTED.id(),
              AUTHENTICATION,
              "Microsoft 365 has switched basic authentication for SMTP off for this tenant (see office365-basic-auth).",
              "Send through another provider or an internal relay; Sourcegraph has no OAuth for SMTP.",
              "Microsoft 365 (message MC786329: \"550 5.7.30 Basic authentication is not supported for Client Submission\")",
              "auth: 550 5.7.30 Basic authentication is not supported for Client Submission."),
          new Entry(
              "gmail-app-password",
              List.of(),
              List.of("534", "5.7.9", "application-specific password required"),
              ProbeCheck.AUTH_REJECTED.id(),
              PASSWORD,
              "Google refused the account's own password: the account uses 2-Step Verification, so SMTP needs an app password.",
              "Create an app password for the account (Google Account > Security > App passwords) and use it as \"password\".",
              "Google's SMTP reply (\"534-5.7.9 Application-specific password required\"; Google Account Help, \"Sign in with app passwords\")",
              "Failed to send test email: auth: 534 5.7.9 Application-specific password required. Learn more at "
                  + "https://support.google.com/mail/?p=InvalidSecondFactor, look for test ID: 1a2b3"),
          new Entry(
              "m365-smtp-auth-disabled",
              List.of(),
              List.of("5.7.139", "smtpclientauthentication is disabled"),
              ProbeCheck.AUTH_REJECTED.id(),
              AUTHENTICATION,
              "Microsoft 365 has SMTP AUTH switched off for the tenant (or the mailbox): no password is accepted.",
              "Sourcegraph speaks only PLAIN and CRAM-MD5, and Microsoft 365's SMTP AUTH offers LOGIN and XOAUTH2: relay through a "
                  + "Microsoft 365 connector that accepts the Sourcegraph hosts' IP (\"authentication\": \"none\") or a local relay.",
              "Microsoft 365's SMTP reply (\"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
                  + "Tenant\"; Microsoft Learn, \"Enable or disable SMTP AUTH in Exchange Online\")",
              "auth: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit "
                  + "https://aka.ms/smtp_auth_disabled for more information."),
          new Entry(
              "ses-credentials",
              List.of(),
              List.of("535 ", "authentication credentials invalid"),
              ProbeCheck.AUTH_REJECTED.id(),
              PASSWORD,
              "Amazon SES refused the credentials; IAM access keys are not SMTP credentials.",
              "Create SMTP credentials in the SES console (they differ from IAM keys and are per region) and use them as username and password.",
              "Amazon SES SMTP (\"535 Authentication Credentials Invalid\"; SES developer guide, \"Obtaining Amazon SES SMTP credentials\")",
              "Failed to send test email: auth: 535 Authentication Credentials Invalid, look for test ID: 8a9b0"),
          new Entry(
              "auth-rejected",
              List.of(),
              List.of("535 "),
              ProbeCheck.AUTH_REJECTED.id(),
              PASSWORD,
              "The server rejected the user name or password (Gmail: an app password is needed; SendGrid: the user name is \"apikey\").",
              "Check the username and password with the provider; smtplint lint --probe --password-env NAME tries them step by step.",
              "the server's reply (RFC 4954: 535 authentication credentials invalid), via Go net/smtp, wrapped by "
                  + TXEMAIL
                  + " (\"auth\")",
              "auth: 535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials"),
          // The envelope and the message.
          new Entry(
              "must-starttls",
              List.of(),
              List.of("530 ", "starttls"),
              ProbeCheck.STARTTLS.id(),
              PORT,
              "The server demands STARTTLS but did not offer it on this port, so Sourcegraph never upgraded.",
              "Use the server's submission port (587), where it offers STARTTLS.",
              "the server's reply (RFC 3207: \"530 Must issue a STARTTLS command first\")",
              "send MAIL: 530 5.7.0 Must issue a STARTTLS command first."),
          new Entry(
              "authentication-required",
              List.of(Step.MAIL, Step.RCPT, Step.NONE),
              List.of("530 "),
              ProbeCheck.SENDER_REJECTED.id(),
              AUTHENTICATION,
              "The server wants an authenticated client, and Sourcegraph did not authenticate (\"none\", or the server offered no AUTH on this port).",
              "Set \"authentication\" to \"PLAIN\" with the account's username and password, on the submission port.",
              "the server's reply (RFC 4954: \"530 5.7.0 Authentication required\")",
              "send MAIL: 530 5.7.57 Client not authenticated to send mail."),
          new Entry(
              "ses-unverified-sender",
              List.of(),
              List.of("email address is not verified"),
              ProbeCheck.SENDER_REJECTED.id(),
              ADDRESS,
              "Amazon SES refused the sender: email.address (or its domain) is not a verified identity in this region; SES says so only after DATA.",
              "Verify the address or its domain in the SES console, in the region of the endpoint in \"host\" (and leave the sandbox to send to anyone).",
              "Amazon SES SMTP (\"554 Message rejected: Email address is not verified\"; SES developer guide, \"SMTP response codes\")",
              "Failed to send test email: close: 554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: noreply@acme.io, look for test ID: c3d4e"),
          new Entry(
              "relay-denied",
              List.of(Step.RCPT, Step.NONE),
              List.of("relay"),
              ProbeCheck.RECIPIENT_REJECTED.id(),
              AUTHENTICATION,
              "The server refuses to relay to outside recipients for an unauthenticated client.",
              "Authenticate (\"PLAIN\" with credentials), or have the relay allow the Sourcegraph frontend's address.",
              "the server's reply (\"550 5.7.1 Unable to relay\", \"554 5.7.1 Relay access denied\")",
              "send RCPT: 554 5.7.1 <user@gmail.com>: Relay access denied"),
          new Entry(
              "sender-rejected",
              List.of(Step.MAIL),
              List.of(),
              ProbeCheck.SENDER_REJECTED.id(),
              ADDRESS,
              "The server rejected email.address as the sender.",
              "Send from an address the account may use.",
              TXEMAIL + " (\"send MAIL\") around the server's reply to MAIL FROM",
              "send MAIL: 553 5.7.1 Sender address rejected: not owned by user"),
          new Entry(
              "recipient-rejected",
              List.of(Step.RCPT),
              List.of(),
              ProbeCheck.RECIPIENT_REJECTED.id(),
              "",
              "The server rejected the recipient.",
              "Check the recipient address; the settings may well be right.",
              TXEMAIL + " (\"send RCPT\") around the server's reply to RCPT TO",
              "send RCPT: 550 5.1.1 The email account that you tried to reach does not exist."),
          new Entry(
              "timeout",
              List.of(),
              List.of("i/o timeout"),
              ProbeCheck.TIMEOUT.id(),
              HOST,
              "The server stopped answering in the middle of the conversation.",
              "Check the server and anything in between (proxies, TLS inspection); smtplint lint --probe shows which step stalls.",
              "Go net (\"i/o timeout\" on a connection deadline)",
              "send DATA: read tcp 10.0.0.5:41000->10.0.4.7:587: i/o timeout"),
          new Entry(
              "helo-rejected",
              List.of(Step.HELO),
              List.of(),
              ProbeCheck.EHLO.id(),
              DOMAIN,
              "The server rejected EHLO with the name Sourcegraph gives (\"domain\", else localhost).",
              "Set \"domain\" to the instance's fully qualified host name (Google's SMTP relay requires it).",
              TXEMAIL + " (\"send HELO\", client.Hello(domain or \"localhost\"))",
              "send HELO: 501 5.5.4 HELO/EHLO argument \"localhost\" invalid, closing connection."),
          new Entry(
              "data-rejected",
              List.of(Step.DATA, Step.WRITE, Step.CLOSE),
              List.of(),
              ProbeCheck.DATA_REJECTED.id(),
              ADDRESS,
              "The server refused the message itself.",
              "Read the server's reason; a sender the account may not use is the most common.",
              TXEMAIL + " (\"send DATA\", \"write\", \"close\") around the server's reply",
              "close: 550 5.7.0 Message rejected by policy"),
          new Entry(
              "quit-failed",
              List.of(Step.QUIT),
              List.of(),
              ProbeCheck.DATA_REJECTED.id(),
              "",
              "The message was accepted, then QUIT failed; Sourcegraph reports the send as failed although the mail may arrive.",
              "Usually harmless; a server that drops the connection after the message causes it.",
              TXEMAIL + " (\"send QUIT\")",
              "send QUIT: EOF"),
          new Entry(
              "greeting-refused",
              List.of(Step.CONNECT),
              List.of(),
              ProbeCheck.BANNER.id(),
              HOST,
              "The server refused the session in its greeting, or did not speak SMTP.",
              "Check the host and port and whether the server accepts connections from the Sourcegraph frontend.",
              TXEMAIL + " (\"new SMTP client\", the 220 greeting)",
              "new SMTP client: 554 5.7.1 Access denied"));

  /** What a pasted text says, if it is one smtplint knows. */
  public static Optional<Match> diagnose(String text) {
    String t = strip(text.strip());
    Step step = Step.NONE;
    for (Step s : Step.values()) {
      if (s != Step.NONE && t.startsWith(s.label() + ": ")) {
        step = s;
        t = t.substring(s.label().length() + 2);
        break;
      }
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (step == Step.NONE && lower.startsWith("dial tcp")) {
      step = Step.CONNECT; // Go's net error, pasted from a log without Sourcegraph's label
    }
    for (Entry e : ENTRIES) {
      if ((e.steps().isEmpty() || e.steps().contains(step))
          && e.needles().stream().allMatch(lower::contains)
          && !(e.needles().isEmpty() && step == Step.NONE)) {
        return Optional.of(new Match(step, e));
      }
    }
    return Optional.empty();
  }

  /**
   * Every failure a pasted log names, line by line, each once: a log line's prefix (timestamps,
   * levels, "failed to send email: ") does not matter, and a line that is not about mail (a
   * database's "dial tcp …:5432") is left alone. A text of one line is diagnosed as {@link
   * #diagnose} does.
   */
  public static List<Match> diagnoseAll(String text) {
    List<Match> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String part = errorPart(line);
      if (part.isBlank() || isOtherService(part)) {
        continue;
      }
      Optional<Match> m = diagnose(part);
      if (m.isPresent() && !seen.contains(m.get().entry().name() + "/" + m.get().step())) {
        seen.add(m.get().entry().name() + "/" + m.get().step());
        out.add(m.get());
      }
    }
    return out;
  }

  /**
   * The words that say what failed: from a Sourcegraph frame or step label, or a Go net error, if
   * the line has one.
   */
  public static String errorPart(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    int best = -1;
    for (String marker :
        List.of("failed to send test email: ", "failed to send email: ", "dial tcp")) {
      int at = lower.indexOf(marker);
      if (at >= 0 && (best < 0 || at < best)) {
        best = marker.startsWith("dial") ? at : at + marker.length();
      }
    }
    for (Step s : Step.values()) {
      int at = s == Step.NONE ? -1 : line.indexOf(s.label() + ": ");
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    String part = best < 0 ? line : line.substring(best);
    // A log line may quote the error: its closing quote and what follows are not the error's words.
    int quote = part.indexOf('"', part.startsWith("\"") ? 1 : 0);
    return (best >= 0 && quote > 0 ? part.substring(0, quote) : part).strip();
  }

  /**
   * Ports of services a Sourcegraph log mentions besides mail (Postgres, Redis, HTTP): their dial
   * errors are not SMTP's.
   */
  private static boolean isOtherService(String part) {
    String lower = part.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("dial tcp") || lower.contains("smtp") || lower.contains("mail")) {
      return false;
    }
    for (String port :
        List.of(":5432", ":6379", ":3306", ":443:", ":80:", ":3178", ":3370", ":8080", ":9090")) {
      if (lower.contains(port + (port.endsWith(":") ? "" : ":"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * sendTestEmail's frame ("Failed to send test email: …, look for test ID: …") and older
   * Sourcegraph's "mail: ".
   */
  private static String strip(String text) {
    String t = text;
    String failed = "Failed to send test email: ";
    if (t.startsWith(failed)) {
      t = t.substring(failed.length());
    }
    int id = t.lastIndexOf(", look for test ID: ");
    if (id >= 0) {
      t = t.substring(0, id);
    }
    return t.startsWith("mail: ") ? t.substring("mail: ".length()) : t;
  }

  /** Whether sendTestEmail's answer says the mail was sent. */
  public static boolean sent(String answer) {
    return answer.startsWith("Sent test email to ");
  }
}
