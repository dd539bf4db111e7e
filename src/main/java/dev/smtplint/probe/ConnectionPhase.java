package dev.smtplint.probe;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;

/**
 * The connection phase: greeting, EHLO (or HELO) and STARTTLS, done by Angus Mail and timed step by
 * step.
 */
final class ConnectionPhase {
  /**
   * Angus logs through java.util.logging, whose default handler prints INFO to standard error
   * ("mail.mime.allowutf8 set but server doesn't advertise SMTPUTF8 support"): the probe reports
   * what matters itself. Angus names its loggers after the package of the transport's class, which
   * for ProbeTransport is this one. Held here so the configured loggers are not collected.
   */
  private static final List<Logger> QUIET =
      List.of(
          Logger.getLogger("org.eclipse.angus.mail"),
          Logger.getLogger(ProbeTransport.class.getPackageName()),
          Logger.getLogger("jakarta.mail"));

  static {
    QUIET.forEach(l -> l.setLevel(Level.OFF));
  }

  private final ProbeSettings settings;
  private final SSLSocketFactory tls;
  private final StageLog log;
  private final Transcript transcript;

  private final Redactor redactor;

  ConnectionPhase(
      ProbeSettings settings,
      SSLSocketFactory tls,
      StageLog log,
      Transcript transcript,
      Redactor redactor) {
    this.redactor = redactor;
    this.settings = settings;
    this.tls = tls;
    this.log = log;
    this.transcript = transcript;
  }

  /** Greeting, EHLO and STARTTLS: Angus Mail's connection phase, watched step by step. */
  ProbeTransport open(Socket socket, Watchdog watchdog) {
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.dialHost());
    props.put("mail.smtp.port", String.valueOf(settings.port()));
    props.put("mail.smtp.localhost", settings.ehloName());
    props.put("mail.smtp.ehlo", "true");
    props.put("mail.smtp.auth", "false"); // AUTH is done below, the way Go does it
    props.put("mail.smtp.starttls.enable", "true"); // opportunistic, as Go: only when offered
    props.put("mail.smtp.starttls.required", "false");
    props.put("mail.smtp.ssl.socketFactory", tls);
    // The factory verifies the host name itself (HTTPS rules, as Go); Angus's check would differ
    // for IP hosts.
    props.put("mail.smtp.ssl.checkserveridentity", "false");
    String ms =
        String.valueOf(
            settings.timeout().toMillis()); // Angus's own timeouts are infinite by default
    props.put("mail.smtp.connectiontimeout", ms);
    props.put("mail.smtp.timeout", ms);
    props.put("mail.smtp.writetimeout", ms);
    props.put("mail.debug", "false");
    // Go writes a string's UTF-8 bytes; without this, Angus writes each character's low byte, so
    // "\u013e\u0120SIZE=1" in an address would reach the server as "> SIZE=1".
    props.put("mail.mime.allowutf8", "true");
    Session session = Session.getInstance(props);
    URLName url = new URLName("smtp", settings.dialHost(), settings.port(), null, null, null);
    log.begin(Stage.BANNER);
    watchdog.arm(Stage.BANNER, socket);
    ProbeTransport transport =
        new ProbeTransport(session, url, new PhaseListener(watchdog, socket), redactor);
    try {
      transport.connect(socket);
      watchdog.disarm();
      warnOfCase(transport);
      if (log.current() == Stage.EHLO) {
        log.end(true, transport.lastReply().shown() + extensions(transport));
      }
      if (!transport.tlsActive()) {
        log.begin(Stage.STARTTLS);
        log.skip("not offered: Sourcegraph goes on without TLS");
      } else if (log.current() == Stage.STARTTLS) {
        log.end(true, "TLS established; EHLO again: " + transport.lastReply().shown());
      }
      return transport;
    } catch (ProbeTransport.ClientRefusal refusal) {
      watchdog.disarm();
      log.fail(refusal.failure(), "refused by the client: a line break in the command");
      return null;
    } catch (MessagingException | RuntimeException e) {
      watchdog.disarm();
      warnOfCase(transport);
      Reply last = transport.lastReply();
      Stage stage = log.current();
      if (stage == Stage.STARTTLS && last.code() > 0) {
        transcript.server(last, ""); // the reply to STARTTLS, before the handshake failed
      }
      boolean timedOut =
          watchdog.expired() == stage || Diagnosis.has(e, SocketTimeoutException.class);
      log.fail(
          Diagnosis.broken(stage, e, timedOut, settings, last),
          timedOut
              ? "timed out after " + settings.timeout().toSeconds() + " s"
              : last.code() >= 400 && stage != Stage.BANNER
                  ? last.shown()
                  // A success reply is not what failed ("220 Ready to start TLS", then the
                  // handshake)
                  : last.code() > 0 && stage != Stage.BANNER
                      ? Diagnosis.cause(e) + " (after \"" + last.shown() + "\")"
                      : Diagnosis.cause(e));
      return null;
    }
  }

  /**
   * probe-extension-case: the server wrote STARTTLS or AUTH in lower or mixed case. The probe
   * followed Go's released ehlo() (no offer); Go with the fix for golang/go#78749 would see it.
   */
  private void warnOfCase(ProbeTransport transport) {
    for (String keyword : transport.caseVariants()) {
      boolean tlsOffer = keyword.toUpperCase(Locale.ROOT).equals("STARTTLS");
      log.warn(
          new ProbeFailure(
              ProbeCheck.EXTENSION_CASE,
              Diagnosis.HOST,
              "the server offers \""
                  + keyword
                  + "\" in its "
                  + "EHLO reply, not \""
                  + keyword.toUpperCase(Locale.ROOT)
                  + "\": Sourcegraph releases built with a released Go "
                  + "keep the keyword as written and do not see the offer, so they send "
                  + (tlsOffer ? "without TLS" : "without " + "authenticating")
                  + ", and this probe did the same; a Sourcegraph built with a Go that has the fix for "
                  + "golang/go#78749 would "
                  + (tlsOffer ? "upgrade with STARTTLS" : "authenticate")
                  + ". Configure the server to "
                  + "write its EHLO keywords in capitals"));
    }
  }

  /** Moves the step clock as Angus reaches EHLO and STARTTLS. */
  private final class PhaseListener implements ProbeTransport.Listener {
    private final Watchdog watchdog;
    private final Socket socket;

    PhaseListener(Watchdog watchdog, Socket socket) {
      this.watchdog = watchdog;
      this.socket = socket;
    }

    public void ehloStarted(boolean afterTls, Reply previous) {
      if (afterTls) {
        transcript.server(previous, ""); // the reply to STARTTLS ("220 Ready to start TLS")
        transcript.note("TLS established");
      }
      if (!afterTls && log.current() == Stage.BANNER) {
        transcript.server(previous, "");
        log.end(true, previous.shown());
        log.begin(Stage.EHLO);
        watchdog.arm(Stage.EHLO, socket);
      }
      transcript.client("EHLO " + settings.ehloName());
    }

    public void ehloFinished(boolean afterTls, boolean accepted, Reply reply) {
      transcript.server(
          reply,
          (accepted
              ? ""
              : afterTls
                  ? " (EHLO after STARTTLS rejected: Go gives up here, with no HELO)"
                  : " (EHLO rejected; Go then tries HELO)"));
    }

    public void startTlsStarted() {
      if (log.current() == Stage.EHLO) {
        log.end(true, "250; offers STARTTLS");
      }
      log.begin(Stage.STARTTLS);
      watchdog.arm(Stage.STARTTLS, socket);
      transcript.client("STARTTLS");
    }
  }

  private static String extensions(ProbeTransport t) {
    List<String> offered = new ArrayList<>();
    if (t.supportsExtension("STARTTLS")) {
      offered.add("STARTTLS");
    }
    if (t.supportsExtension("AUTH")) {
      offered.add("AUTH " + t.getExtensionParameter("AUTH"));
    }
    return offered.isEmpty()
        ? "; offers neither STARTTLS nor AUTH"
        : "; offers " + String.join(", ", offered);
  }
}
