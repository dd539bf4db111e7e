package dev.smtplint.probe;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns what went wrong in a step (a reply, an exception, an expired deadline) into a finding: the
 * rule, the setting most likely at fault, and a sentence that quotes the server.
 */
final class Diagnosis {
  static final String HOST = EmailSettings.HOST_POINTER;
  static final String PORT = EmailSettings.PORT_POINTER;
  static final String DOMAIN = EmailSettings.DOMAIN_POINTER;
  static final String AUTHENTICATION = EmailSettings.AUTHENTICATION_POINTER;
  static final String PASSWORD = EmailSettings.PASSWORD_POINTER;
  static final String ADDRESS = EmailSettings.ADDRESS_POINTER;

  private Diagnosis() {}

  /**
   * Reply texts that blame the sender, whatever step they come at (SES answers them after DATA).
   */
  static boolean blamesSender(Reply r) {
    String t = r.text().toLowerCase(Locale.ROOT);
    return r.enhanced().equals("5.1.8")
        || r.enhanced().equals("5.1.7")
        || r.enhanced().equals("5.7.27")
        || t.contains("sender address rejected")
        || t.contains("not verified")
        || t.contains("sender rejected")
        || t.contains("not authorized to send")
        || t.contains("not allowed to send")
        || t.contains("sender not")
        || t.contains("from address")
        || t.contains("sender domain");
  }

  static boolean deniesRelay(Reply r) {
    String t = r.text().toLowerCase(Locale.ROOT);
    return t.contains("relay") || t.contains("authentication required") || r.code() == 530;
  }

  /** A reply that ends a step (MAIL FROM, RCPT TO, DATA). */
  static ProbeFailure rejected(Stage stage, Reply r, boolean recipientIsSender) {
    if (blamesSender(r)) {
      return new ProbeFailure(
          ProbeCheck.SENDER_REJECTED,
          ADDRESS,
          "the server rejected the sender at "
              + stage.label()
              + ": \""
              + r.shown()
              + "\"; send from an address the account may use (on Amazon SES, verify the address or its "
              + "domain in the endpoint's region)");
    }
    return switch (stage) {
      case MAIL_FROM ->
          new ProbeFailure(
              ProbeCheck.SENDER_REJECTED,
              ADDRESS,
              "the server rejected MAIL FROM: \""
                  + r.shown()
                  + "\"; check that \"email.address\" is an address this account may send from");
      case RCPT_TO ->
          deniesRelay(r)
              ? new ProbeFailure(
                  ProbeCheck.RECIPIENT_REJECTED,
                  AUTHENTICATION,
                  "the server refused to relay: \""
                      + r.shown()
                      + "\"; it wants an authenticated client: use \"PLAIN\" with the account's credentials")
              : new ProbeFailure(
                  ProbeCheck.RECIPIENT_REJECTED,
                  recipientIsSender ? ADDRESS : "",
                  "the server rejected the recipient: \""
                      + r.shown()
                      + "\""
                      + (recipientIsSender
                          ? " (the probe sends RCPT TO email.address itself; try --to)"
                          : ""));
      case AUTH ->
          new ProbeFailure(
              ProbeCheck.AUTH_REJECTED,
              PASSWORD,
              "the server rejected AUTH: \"" + r.shown() + "\"");
      default ->
          new ProbeFailure(
              ProbeCheck.DATA_REJECTED,
              ADDRESS,
              "the server rejected the message after DATA: \""
                  + r.shown()
                  + "\"; Sourcegraph's mail would be refused the same way");
    };
  }

  /** An exception (or an expired deadline) in a step. */
  static ProbeFailure broken(
      Stage stage, Throwable e, boolean timedOut, ProbeSettings s, Reply last) {
    String seconds = s.timeout().toSeconds() + " s";
    boolean timeout = timedOut || has(e, SocketTimeoutException.class);
    switch (stage) {
      case CONNECT:
        return timeout
            ? new ProbeFailure(
                ProbeCheck.CONNECT,
                PORT,
                "no answer from "
                    + s.host()
                    + ":"
                    + s.port()
                    + " within "
                    + seconds
                    + ": a firewall drops the connection (outbound port 25 is blocked on most clouds); check the port")
            : new ProbeFailure(
                ProbeCheck.CONNECT,
                PORT,
                "connection to "
                    + s.host()
                    + ":"
                    + s.port()
                    + " failed ("
                    + cause(e)
                    + "): nothing listens there; check the port (587 for STARTTLS submission)");
      case BANNER:
        if (timeout) {
          return new ProbeFailure(
              ProbeCheck.BANNER,
              PORT,
              "the server sent no greeting within "
                  + seconds
                  + ": port "
                  + s.port()
                  + " probably expects TLS on connect (like 465), which Sourcegraph does not speak; use the STARTTLS port 587");
        }
        return new ProbeFailure(
            ProbeCheck.BANNER,
            PORT,
            last.code() > 0
                ? "the server refused the session in its greeting: \"" + last.shown() + "\""
                : "the server closed the connection or sent no SMTP greeting ("
                    + cause(e)
                    + "): is this an SMTP port?");
      case EHLO:
        if (timeout) {
          return timeoutFailure(stage, HOST, seconds);
        }
        return new ProbeFailure(
            ProbeCheck.EHLO,
            DOMAIN,
            "the server rejected EHLO and HELO "
                + s.ehloName()
                + (last.code() > 0 ? ": \"" + last.shown() + "\"" : " (" + cause(e) + ")")
                + "; set \"domain\" to the instance's fully qualified host name");
      case STARTTLS:
        if (isCertificateProblem(e)) {
          return new ProbeFailure(
              ProbeCheck.TLS_CERTIFICATE,
              HOST,
              "the server's certificate was refused: "
                  + certificateProblem(e, s.host())
                  + presented(e)
                  + goSays(e)
                  + "; Sourcegraph refuses it too unless noVerifyTLS is set (don't): "
                  + certificateFix(e, s));
        }
        if (timeout) {
          return timeoutFailure(stage, HOST, seconds);
        }
        return new ProbeFailure(
            ProbeCheck.STARTTLS,
            HOST,
            "STARTTLS failed"
                + (last.code() >= 400 ? ": \"" + last.shown() + "\"" : " (" + cause(e) + ")")
                + "; Sourcegraph upgrades whenever the server offers STARTTLS, so every send fails here");
      default:
        if (timeout && stage == Stage.AUTH) {
          ProbeFailure t = timeoutFailure(stage, PASSWORD, seconds);
          return new ProbeFailure(
              t.check(),
              t.pointer(),
              t.message()
                  + ". A server that delays its answer after a failed login (Dovecot's"
                  + " auth_failure_delay, 2 s by default) runs past a short --timeout: the password"
                  + " may be wrong; probe again with a larger --timeout to see the server's answer");
        }
        if (timeout) {
          return timeoutFailure(stage, ADDRESS, seconds);
        }
        String what =
            "the server closed the connection during " + stage.label() + " (" + cause(e) + ")";
        return switch (stage) {
          case AUTH ->
              new ProbeFailure(
                  ProbeCheck.AUTH_REJECTED,
                  PASSWORD,
                  what + "; servers do this after a failed login");
          case MAIL_FROM -> new ProbeFailure(ProbeCheck.SENDER_REJECTED, ADDRESS, what);
          case RCPT_TO -> new ProbeFailure(ProbeCheck.RECIPIENT_REJECTED, ADDRESS, what);
          default ->
              new ProbeFailure(
                  ProbeCheck.DATA_REJECTED,
                  ADDRESS,
                  what
                      + (stage == Stage.QUIT
                          ? "; Sourcegraph reports the send as failed ('send QUIT')"
                          : ""));
        };
    }
  }

  private static ProbeFailure timeoutFailure(Stage stage, String pointer, String seconds) {
    return new ProbeFailure(
        ProbeCheck.TIMEOUT,
        pointer,
        "the server did not finish "
            + stage.label()
            + " within "
            + seconds
            + "; Sourcegraph's send would hang the same way: check the server and anything in between");
  }

  static boolean isCertificateProblem(Throwable e) {
    return has(e, CertificateException.class)
        || has(e, CertPathValidatorException.class)
        || has(e, SSLPeerUnverifiedException.class)
        || (has(e, SSLHandshakeException.class)
            && String.valueOf(rootMessage(e)).contains("certificate"));
  }

  /** Go's refusal, where the probe verified as Go does. */
  private static GoVerification.Refusal refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GoVerification.Refusal r) {
        return r;
      }
    }
    return null;
  }

  /** The longest Go text quoted (a certificate may carry hundreds of names). */
  private static final int LONGEST_GO_TEXT = 400;

  /** "; Sourcegraph logs "send STARTTLS: tls: …"", Go's words for the refusal. */
  private static String goSays(Throwable e) {
    GoVerification.Refusal r = refusal(e);
    if (r == null) {
      return "";
    }
    String text = "send STARTTLS: " + r.goText();
    return "; Sourcegraph logs \""
        + (text.length() > LONGEST_GO_TEXT ? text.substring(0, LONGEST_GO_TEXT) + "…" : text)
        + "\"";
  }

  private static String certificateProblem(Throwable e, String host) {
    GoVerification.Refusal r = refusal(e);
    if (r != null) {
      switch (r.problem()) {
        case EXPIRED:
          return "it has expired (or is not yet valid)";
        case NAME:
          return "it does not name \"" + host + "\"";
        case COMMON_NAME:
          return "it names \""
              + host
              + "\" only in its Common Name, with no subject alternative name, which Go ignores"
              + " (since Go 1.15)";
        case SHA1:
          return "it, or a certificate between it and the root, is signed with SHA-1, which Go"
              + " refuses (since Go 1.18, Sourcegraph 3.40)";
        default:
          return "it is not signed by a trusted CA (self-signed or a private CA)";
      }
    }
    String m = String.valueOf(rootMessage(e));
    if (has(e, CertificateExpiredException.class)
        || m.contains("expired")
        || m.contains("validity")) {
      return "it has expired (or is not yet valid)";
    }
    if (m.contains("No subject alternative")
        || m.contains("No name matching")
        || m.contains("does not match")) {
      return "it does not name \"" + host + "\"";
    }
    if (m.contains("PKIX") || m.contains("unable to find valid certification path")) {
      return "it is not signed by a trusted CA (self-signed or a private CA)";
    }
    return "it could not be verified";
  }

  /** "(it names mail.other.test; issued by Test CA)", when the trust manager recorded it. */
  private static String presented(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TlsSockets.Presented p) {
        return " (it names " + String.join(", ", p.names()) + "; issued by " + p.issuer() + ")";
      }
    }
    return "";
  }

  /** What to do about it: --ca-file only where a private CA is the question and was not given. */
  private static String certificateFix(Throwable e, ProbeSettings s) {
    GoVerification.Refusal r = refusal(e);
    if (r != null && r.problem() == GoVerification.Refusal.Problem.COMMON_NAME) {
      return "reissue the certificate with \""
          + s.host()
          + "\" as a subject alternative name (openssl req … -addext \"subjectAltName = DNS:"
          + s.host()
          + "\")";
    }
    if (r != null && r.problem() == GoVerification.Refusal.Problem.SHA1) {
      return "reissue it signed with SHA-256 (openssl x509 -req … -sha256); the root's own"
          + " signature does not matter";
    }
    String problem = certificateProblem(e, s.host());
    if (problem.startsWith("it does not name")) {
      return "set \"host\" to a name the certificate carries, or give the server a certificate for \""
          + s.host()
          + "\" (--ca-file does not change the name check)";
    }
    if (problem.startsWith("it has expired")) {
      return "renew the server's certificate";
    }
    if (problem.startsWith("it is not signed") && s.caFile().isPresent()) {
      return "it is not signed by the CA in --ca-file "
          + s.caFile().get().name()
          + " either: give the CA that signed the server's certificate";
    }
    return "fix the certificate, or, for a private CA, test with --ca-file (the Sourcegraph"
        + " containers must trust that CA too)";
  }

  static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String rootMessage(Throwable e) {
    return root(e).getMessage();
  }

  /**
   * What went wrong on the connection, in words a user reads: never a Java exception's name or text
   * (a watchdog's "Socket closed" is a timeout, and the caller says so).
   */
  static String cause(Throwable e) {
    if (e == null) {
      return "the connection failed";
    }
    Throwable t = root(e);
    String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    if (has(e, BoundedSocket.FloodException.class)) {
      return new BoundedSocket.FloodException().getMessage();
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof SocketTimeoutException) {
      return "timed out";
    }
    if (t instanceof UnknownHostException) {
      return "no such host";
    }
    if (isCertificateProblem(e)) {
      return "the server's certificate was refused";
    }
    if (t instanceof SSLException || has(e, SSLException.class)) {
      return "the TLS handshake failed";
    }
    if (m.contains("reset")) {
      return "connection reset by the server";
    }
    if (t instanceof EOFException
        || m.contains("closed")
        || m.contains("broken pipe")
        || m.contains("eof")) {
      return "the server closed the connection";
    }
    return "the connection failed";
  }
}
