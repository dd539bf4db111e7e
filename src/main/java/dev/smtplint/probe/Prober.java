package dev.smtplint.probe;

import dev.smtplint.report.ProbeResult;
import dev.smtplint.report.ProbeStage;
import jakarta.mail.MessagingException;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Talks to the SMTP server step by step exactly as Sourcegraph's sender does
 * (internal/txemail/txemail.go, Send: Go's net/smtp client), and reports each step.
 *
 * <p>Angus Mail's transport does the protocol work: the greeting, EHLO (falling back to HELO as Go
 * does), STARTTLS when offered, reply parsing and the EHLO extensions. The steps where Angus
 * behaves unlike Go are done here: the TCP connection (so each step is timed and bounded), AUTH
 * (Angus would try LOGIN first, send PLAIN without TLS, fall back from a failed SASL mechanism and
 * answer a 530 with STARTTLS; Go does none of these), and MAIL FROM with the address verbatim.
 */
public final class Prober {
  private final ProbeSettings settings;
  private final SSLSocketFactory tls;
  private final List<ProbeStage> stages = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final Transcript transcript = new Transcript();
  private Stage current;
  private long started;
  private Conversation conversation;

  private Prober(ProbeSettings settings, SSLSocketFactory tls) {
    this.settings = settings;
    this.tls = tls;
  }

  /** A usage problem with the probe's own options (an unreadable --ca-file). */
  public static final class OptionException extends Exception {
    OptionException(String message) {
      super(message);
    }
  }

  public static ProbeOutcome run(ProbeSettings settings) throws OptionException {
    SSLSocketFactory factory;
    try {
      factory = TlsSockets.factory(settings.noVerifyTls(), settings.caFile());
    } catch (TlsSockets.CaFileException e) {
      throw new OptionException("--ca-file " + e.getMessage());
    }
    Prober prober = new Prober(settings, factory);
    prober.converse();
    boolean ok = prober.stages.stream().allMatch(ProbeStage::ok)
        && prober.failures.stream().allMatch(f -> f.rule().equals("probe-auth-not-offered"));
    return new ProbeOutcome(new ProbeResult(ok, prober.stages, prober.transcript.lines()), prober.failures, prober.transcript.lines());
  }

  private void converse() {
    InetAddress[] addresses = resolve();
    if (addresses == null) {
      return;
    }
    Socket socket = connect(addresses);
    if (socket == null) {
      return;
    }
    try (Watchdog watchdog = new Watchdog(settings.timeout()); Socket open = socket) {
      ProbeTransport transport = open(open, watchdog);
      if (transport == null) {
        return;
      }
      conversation = new Conversation(transport, watchdog, open, settings, transcript);
      if (!authenticate(conversation)) {
        return;
      }
      if (!envelope(conversation)) {
        return;
      }
      begin(Stage.QUIT);
      conversation.command(Stage.QUIT, "QUIT", 221).ifPresentOrElse(r -> end(true, r.shown()), this::failFromConversation);
    } catch (IOException e) {
      // closing the socket failed; the conversation's outcome is already recorded
    }
  }

  private InetAddress[] resolve() {
    begin(Stage.RESOLVE);
    CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
      try {
        return InetAddress.getAllByName(settings.host());
      } catch (UnknownHostException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    try {
      InetAddress[] found = lookup.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      end(true, found[0].getHostAddress() + (found.length > 1 ? " (+" + (found.length - 1) + " more)" : ""));
      return found;
    } catch (TimeoutException e) {
      fail(new Failure("probe-resolve", Diagnosis.HOST, "looking up \"" + settings.host() + "\" took longer than "
          + settings.timeout().toSeconds() + " s: check the DNS servers the Sourcegraph containers use"), "timed out");
    } catch (ExecutionException | InterruptedException e) {
      fail(new Failure("probe-resolve", Diagnosis.HOST, "\"" + settings.host() + "\" does not resolve (no such host): "
          + "check the spelling of \"host\" and the DNS the Sourcegraph containers use"), "no such host");
    }
    return null;
  }

  /** Go's net.Dial tries each address in turn; so does this. */
  private Socket connect(InetAddress[] addresses) {
    begin(Stage.CONNECT);
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, settings.port()), (int) settings.timeout().toMillis());
        socket.setSoTimeout((int) settings.timeout().toMillis());
        end(true, address.getHostAddress() + ":" + settings.port());
        return socket;
      } catch (IOException e) {
        last = e;
        try {
          socket.close();
        } catch (IOException ignored) {
          // nothing to release
        }
      }
    }
    Failure f = Diagnosis.broken(Stage.CONNECT, last, false, settings, Reply.of(0, ""));
    fail(f, Diagnosis.cause(last));
    return null;
  }

  /** Greeting, EHLO and STARTTLS: Angus Mail's connection phase, watched step by step. */
  private ProbeTransport open(Socket socket, Watchdog watchdog) {
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", String.valueOf(settings.port()));
    props.put("mail.smtp.localhost", settings.ehloName());
    props.put("mail.smtp.ehlo", "true");
    props.put("mail.smtp.auth", "false"); // AUTH is done below, the way Go does it
    props.put("mail.smtp.starttls.enable", "true"); // opportunistic, as Go: only when offered
    props.put("mail.smtp.starttls.required", "false");
    props.put("mail.smtp.ssl.socketFactory", tls);
    // The factory verifies the host name itself (HTTPS rules, as Go); Angus's check would differ for IP hosts.
    props.put("mail.smtp.ssl.checkserveridentity", "false");
    String ms = String.valueOf(settings.timeout().toMillis()); // Angus's own timeouts are infinite by default
    props.put("mail.smtp.connectiontimeout", ms);
    props.put("mail.smtp.timeout", ms);
    props.put("mail.smtp.writetimeout", ms);
    props.put("mail.debug", "false");
    jakarta.mail.Session session = jakarta.mail.Session.getInstance(props);
    URLName url = new URLName("smtp", settings.host(), settings.port(), null, null, null);
    begin(Stage.BANNER);
    watchdog.arm(Stage.BANNER, socket);
    ProbeTransport transport = new ProbeTransport(session, url, new PhaseListener(watchdog, socket));
    try {
      transport.connect(socket);
      watchdog.disarm();
      if (current == Stage.EHLO) {
        end(true, lastReply(transport).shown() + extensions(transport));
      }
      if (!transport.tlsActive()) {
        begin(Stage.STARTTLS);
        end(true, "not offered: Sourcegraph goes on without TLS");
      } else if (current == Stage.STARTTLS) {
        end(true, "TLS established; EHLO again: " + lastReply(transport).shown());
      }
      return transport;
    } catch (MessagingException | RuntimeException e) {
      watchdog.disarm();
      Reply last = lastReply(transport);
      Stage stage = current;
      fail(Diagnosis.broken(stage, e, watchdog.expired() == stage, settings, last),
          last.code() > 0 && stage != Stage.BANNER ? last.shown() : Diagnosis.cause(e));
      return null;
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
      if (!afterTls && current == Stage.BANNER) {
        transcript.server(previous.shown());
        end(true, previous.shown());
        begin(Stage.EHLO);
        watchdog.arm(Stage.EHLO, socket);
      }
      transcript.client("EHLO " + settings.ehloName());
    }

    public void ehloFinished(boolean afterTls, boolean accepted, Reply reply) {
      transcript.server(reply.shown() + (accepted ? "" : " (EHLO rejected; Go and Angus then try HELO)"));
    }

    public void startTlsStarted() {
      if (current == Stage.EHLO) {
        end(true, "250; offers STARTTLS");
      }
      begin(Stage.STARTTLS);
      watchdog.arm(Stage.STARTTLS, socket);
      transcript.client("STARTTLS");
    }
  }

  private boolean authenticate(Conversation s) {
    if (settings.authentication().equals("none")) {
      return true;
    }
    begin(Stage.AUTH);
    Authentication auth = new Authentication(s, settings);
    Authentication.Result result = auth.run();
    if (result.failure() != null && result.failure().rule().equals("probe-auth-not-offered")) {
      failures.add(result.failure());
      end(true, "server offers no AUTH: Sourcegraph sends without authenticating");
      return true;
    }
    if (result.failure() != null) {
      fail(result.failure(), result.detail());
      return false;
    }
    end(true, result.detail());
    return true;
  }

  private boolean envelope(Conversation s) {
    begin(Stage.MAIL_FROM);
    String mail = "MAIL FROM:<" + settings.from() + ">" + (s.transport().supportsExtension("8BITMIME") ? " BODY=8BITMIME" : "")
        + (s.transport().supportsExtension("SMTPUTF8") ? " SMTPUTF8" : "");
    var reply = s.command(Stage.MAIL_FROM, mail, 250);
    if (reply.isEmpty()) {
      failFromConversation();
      return false;
    }
    end(true, reply.get().shown());
    List<String> recipients = settings.sends() ? settings.to() : List.of(settings.from());
    begin(Stage.RCPT_TO);
    for (String to : recipients) {
      var r = s.command(Stage.RCPT_TO, "RCPT TO:<" + to + ">", 250, 251);
      if (r.isEmpty()) {
        failFromConversation();
        return false;
      }
      if (to.equals(recipients.get(recipients.size() - 1))) {
        end(true, r.get().shown());
      }
    }
    begin(Stage.DATA);
    if (!settings.sends()) {
      var r = s.command(Stage.DATA, "RSET", 250);
      end(r.isPresent(), "nothing sent (no --to): RSET " + r.map(Reply::shown).orElse("failed"));
      return r.isPresent() || failFromConversation();
    }
    return sendMessage(s);
  }

  private boolean sendMessage(Conversation s) {
    try {
      s.arm(Stage.DATA);
      s.transcript().client("DATA");
      OutputStream body = s.transport().openData();
      TestMessage.write(settings, body);
      s.transport().closeData();
      s.disarm();
      Reply r = lastReply(s.transport());
      s.transcript().server(r.shown());
      end(true, r.shown());
      return true;
    } catch (MessagingException | IOException | RuntimeException e) {
      s.disarm();
      s.recordFailure(Stage.DATA, e);
      return failFromConversation();
    }
  }

  private boolean failFromConversation() {
    fail(conversation.lastFailure(), conversation.lastDetail());
    return false;
  }

  static Reply lastReply(ProbeTransport transport) {
    return Reply.of(transport.getLastReturnCode(), transport.getLastServerResponse());
  }

  private static String extensions(ProbeTransport t) {
    List<String> offered = new ArrayList<>();
    if (t.supportsExtension("STARTTLS")) {
      offered.add("STARTTLS");
    }
    if (t.supportsExtension("AUTH")) {
      offered.add("AUTH " + t.getExtensionParameter("AUTH"));
    }
    return offered.isEmpty() ? "; offers neither STARTTLS nor AUTH" : "; offers " + String.join(", ", offered);
  }

  private void begin(Stage stage) {
    current = stage;
    started = System.nanoTime();
  }

  private void end(boolean ok, String detail) {
    stages.add(new ProbeStage(current.label(), ok, (System.nanoTime() - started) / 1_000_000, detail));
  }

  private void fail(Failure failure, String detail) {
    failures.add(failure);
    end(false, detail);
  }
}
