package dev.smtplint.probe;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, opened up just enough to see where the connection phase stands
 * (greeting read, EHLO answered, STARTTLS done) and to send DATA step by step.
 */
final class ProbeTransport extends SMTPTransport {
  /**
   * Called as the connection phase moves on, so the prober can time steps and re-arm the watchdog.
   */
  interface Listener {
    /** {@code previous}: the last reply before EHLO (the greeting, or the reply to STARTTLS). */
    void ehloStarted(boolean afterTls, Reply previous);

    void ehloFinished(boolean afterTls, boolean accepted, Reply reply);

    void startTlsStarted();
  }

  /**
   * SPEC §6: an extension counts only when its EHLO line starts with the keyword as Go's released
   * ehlo() stores it, in capitals ("starttls" in lower case is no offer). Go's master upper-cases
   * every keyword since the fix for golang/go#78749, in no release we could confirm; the case a
   * server wrote is kept in {@link #caseVariants} for the probe-extension-case warning.
   */
  static final boolean KEYWORDS_IN_CAPITALS_ONLY = true;

  /** The keywords Go's fix would upper-case and Sourcegraph depends on. */
  private static final List<String> CASE_SENSITIVE_OFFERS = List.of("STARTTLS", "AUTH");

  private final Listener listener;
  private final Redactor redactor;
  private final Map<String, String> offers = new HashMap<>();
  private final Set<String> caseVariants = new LinkedHashSet<>();
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
      throw new ClientRefusal(
          new ProbeFailure(
              ProbeCheck.EHLO,
              Diagnosis.DOMAIN,
              "\"domain\" contains a line break: Go's "
                  + "net/smtp refuses to send it (\"smtp: A line must not contain CR or LF\"), and so does smtplint; the "
                  + "server was not asked. Remove the line break"));
    }
    offers.clear(); // Go keeps only the last EHLO's list; after a HELO there is none
    boolean accepted = super.ehlo(domain);
    if (accepted) {
      readOffers(getLastServerResponse());
    }
    listener.ehloFinished(afterTls, accepted, lastReply());
    if (afterTls && !accepted) {
      // Angus ignores a failed EHLO after STARTTLS; Go's StartTLS returns it, and Sourcegraph's
      // send fails there.
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

  /**
   * What smtplint, like Go's client, refuses to send: the step fails here, before the server is
   * asked.
   */
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

  /**
   * The EHLO reply's lines after the first, each "250-KEYWORD params" or "250 KEYWORD params", as
   * Go splits them.
   */
  private void readOffers(String response) {
    String[] lines = response == null ? new String[0] : response.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].length() > 4 ? lines[i].substring(4) : "";
      int space = line.indexOf(' ');
      String keyword = space < 0 ? line : line.substring(0, space);
      String parameters = space < 0 ? "" : line.substring(space + 1);
      if (keyword.isEmpty()) {
        continue;
      }
      String upper = keyword.toUpperCase(Locale.ROOT);
      if (!keyword.equals(upper) && CASE_SENSITIVE_OFFERS.contains(upper)) {
        caseVariants.add(keyword);
      }
      if (!KEYWORDS_IN_CAPITALS_ONLY || keyword.equals(upper)) {
        offers.put(upper, parameters);
      }
    }
  }

  @Override
  public boolean supportsExtension(String extension) {
    return offers.containsKey(extension.toUpperCase(Locale.ROOT));
  }

  @Override
  public String getExtensionParameter(String extension) {
    return offers.get(extension.toUpperCase(Locale.ROOT));
  }

  /**
   * STARTTLS or AUTH as a server wrote them in lower or mixed case, in any EHLO reply of this
   * session.
   */
  Set<String> caseVariants() {
    return Collections.unmodifiableSet(caseVariants);
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
