package dev.smtplint.probe;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, opened up just enough to see where the connection phase stands
 * (greeting read, EHLO answered, STARTTLS done) and to send DATA step by step.
 */
final class ProbeTransport extends SMTPTransport {
  /** Called as the connection phase moves on, so the prober can time steps and re-arm the watchdog. */
  interface Listener {
    /** {@code previous}: the last reply before EHLO (the greeting, or the reply to STARTTLS). */
    void ehloStarted(boolean afterTls, Reply previous);

    void ehloFinished(boolean afterTls, boolean accepted, Reply reply);

    void startTlsStarted();
  }

  private final Listener listener;
  private final Redactor redactor;
  private boolean tls;

  ProbeTransport(Session session, URLName url, Listener listener, Redactor redactor) {
    super(session, url, "smtp", false);
    this.listener = listener;
    this.redactor = redactor;
  }

  Redactor redactor() {
    return redactor;
  }

  /** The server's last reply, with every form of the password it might echo masked. */
  Reply lastReply() {
    return Reply.of(getLastReturnCode(), redactor.apply(getLastServerResponse()));
  }

  @Override
  protected boolean ehlo(String domain) throws MessagingException {
    boolean afterTls = tls;
    listener.ehloStarted(afterTls, lastReply());
    if (domain.indexOf('\r') >= 0 || domain.indexOf('\n') >= 0) {
      throw new ClientRefusal(new ProbeFailure(ProbeCheck.EHLO, Diagnosis.DOMAIN, "\"domain\" contains a line break: Go's "
          + "net/smtp refuses to send it (\"smtp: A line must not contain CR or LF\"), and so does smtplint; the "
          + "server was not asked. Remove the line break"));
    }
    boolean accepted = super.ehlo(domain);
    listener.ehloFinished(afterTls, accepted, lastReply());
    if (afterTls && !accepted) {
      // Angus ignores a failed EHLO after STARTTLS; Go's StartTLS returns it, and Sourcegraph's send fails there.
      throw new MessagingException("EHLO after STARTTLS was refused");
    }
    return accepted;
  }

  @Override
  protected void startTLS() throws MessagingException {
    listener.startTlsStarted();
    super.startTLS();
    tls = true;
  }

  /** What smtplint, like Go's client, refuses to send: the step fails here, before the server is asked. */
  static final class ClientRefusal extends MessagingException {
    private static final long serialVersionUID = 1L;
    private final transient ProbeFailure failure;

    ClientRefusal(ProbeFailure failure) {
      super(failure.message());
      this.failure = failure;
    }

    ProbeFailure failure() {
      return failure;
    }
  }

  boolean tlsActive() {
    return tls;
  }

  /** DATA, answered by 354; Angus requires the transport's lock around its data methods. */
  synchronized OutputStream openData() throws MessagingException {
    return data();
  }

  /** The end of the message, answered by the server's verdict (250 and a queue id). */
  synchronized void closeData() throws IOException, MessagingException {
    finishData();
  }
}
