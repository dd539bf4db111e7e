package dev.smtplint.probe;

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
  private boolean tls;

  ProbeTransport(Session session, URLName url, Listener listener) {
    super(session, url, "smtp", false);
    this.listener = listener;
  }

  @Override
  protected boolean ehlo(String domain) throws MessagingException {
    boolean afterTls = tls;
    listener.ehloStarted(afterTls, Reply.of(getLastReturnCode(), getLastServerResponse()));
    boolean accepted = super.ehlo(domain);
    listener.ehloFinished(afterTls, accepted, Reply.of(getLastReturnCode(), getLastServerResponse()));
    return accepted;
  }

  @Override
  protected void startTLS() throws MessagingException {
    listener.startTlsStarted();
    super.startTLS();
    tls = true;
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
