package dev.smtplint.probe;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import dev.smtplint.report.ProbeOutcome;
import dev.smtplint.report.ProbeResult;
import dev.smtplint.report.ProbeStage;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
  private final Transcript transcript = new Transcript();
  private final Redactor redactor = new Redactor();
  private final StageLog log;
  private Conversation conversation;

  private Prober(ProbeSettings settings, SSLSocketFactory tls, ProbeListener listener) {
    this.settings = settings;
    this.tls = tls;
    this.log = new StageLog(listener, redactor);
  }

  /** A usage problem with the probe's own options (an unreadable --ca-file). */
  public static final class OptionException extends Exception {
    OptionException(String message) {
      super(message);
    }
  }

  public static ProbeOutcome run(ProbeSettings settings) throws OptionException {
    return run(settings, ProbeListener.NONE);
  }

  /** The probe, with each step reported to {@code listener} as it starts and ends. */
  public static ProbeOutcome run(ProbeSettings settings, ProbeListener listener)
      throws OptionException {
    SSLSocketFactory factory;
    try {
      factory =
          TlsSockets.factory(
              settings.noVerifyTls(),
              settings.caFile(),
              settings.go(),
              settings.dialHost(),
              settings.roots());
    } catch (TlsSockets.CaFileException e) {
      throw new OptionException("--ca-file " + e.getMessage());
    }
    Prober prober = new Prober(settings, factory, listener);
    prober.redactor.add(settings.password().value());
    prober.converse();
    return prober.redacted(
        new ProbeOutcome(
            new ProbeResult(prober.log.ok(), prober.log.stages(), prober.transcript.lines()),
            prober.log.failures()));
  }

  /**
   * The outcome with every form of the password that went on the wire masked, wherever it stands: a
   * server may echo it in any reply, and an exception's words may quote a reply.
   */
  private ProbeOutcome redacted(ProbeOutcome outcome) {
    ProbeResult r = outcome.result();
    List<ProbeStage> stages =
        r.stages().stream()
            .map(
                s ->
                    new ProbeStage(
                        s.stage(), s.ok(), s.millis(), redactor.apply(s.detail()), s.skipped()))
            .toList();
    List<String> transcriptLines = r.transcript().stream().map(redactor::apply).toList();
    List<ProbeFailure> failures =
        outcome.failures().stream()
            .map(f -> new ProbeFailure(f.check(), f.pointer(), redactor.apply(f.message())))
            .toList();
    return new ProbeOutcome(new ProbeResult(r.ok(), stages, transcriptLines), failures);
  }

  private void converse() {
    InetAddress[] addresses = resolve();
    if (addresses == null) {
      return;
    }
    BoundedSocket socket = connect(addresses);
    if (socket == null) {
      return;
    }
    try (Watchdog watchdog = new Watchdog(settings.timeout(), socket);
        Socket open = socket) {
      ProbeTransport transport =
          new ConnectionPhase(settings, tls, log, transcript, redactor).open(open, watchdog);
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
      conversation
          .command(Stage.QUIT, "QUIT", 221)
          .ifPresentOrElse(r -> end(true, r.shown()), this::failFromConversation);
    } catch (IOException e) {
      // closing the socket failed; the conversation's outcome is already recorded
    }
  }

  private InetAddress[] resolve() {
    begin(Stage.RESOLVE);
    CompletableFuture<InetAddress[]> lookup =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return InetAddress.getAllByName(settings.dialHost());
              } catch (UnknownHostException e) {
                throw new CompletionException(e);
              }
            });
    try {
      InetAddress[] found = lookup.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      end(
          true,
          found[0].getHostAddress()
              + (found.length > 1 ? " (+" + (found.length - 1) + " more)" : ""));
      return found;
    } catch (TimeoutException e) {
      fail(
          new ProbeFailure(
              ProbeCheck.RESOLVE,
              Diagnosis.HOST,
              "looking up \""
                  + settings.host()
                  + "\" took longer than "
                  + settings.timeout().toSeconds()
                  + " s: check the DNS servers the Sourcegraph containers use"),
          "timed out");
    } catch (ExecutionException | InterruptedException e) {
      fail(
          new ProbeFailure(
              ProbeCheck.RESOLVE,
              Diagnosis.HOST,
              "\""
                  + settings.host()
                  + "\" does not resolve (no such host): "
                  + "check the spelling of \"host\" and the DNS the Sourcegraph containers use"),
          "no such host");
    }
    return null;
  }

  /**
   * Go's net.Dial tries each address in turn, spreading one deadline over them (each gets an equal
   * share of what is left, at least 2 s where that much is left: Go's partialDeadline); so does
   * this, with --timeout as the deadline, so a host with many addresses costs one timeout, not
   * many.
   */
  private BoundedSocket connect(InetAddress[] addresses) {
    begin(Stage.CONNECT);
    IOException last = null;
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    for (int i = 0; i < addresses.length; i++) {
      InetAddress address = addresses[i];
      long remaining = (deadline - System.nanoTime()) / 1_000_000;
      if (remaining <= 0) {
        last = new SocketTimeoutException("connect timed out");
        break;
      }
      long share = Math.max(remaining / (addresses.length - i), Math.min(2_000, remaining));
      BoundedSocket socket = new BoundedSocket();
      try {
        socket.connect(new InetSocketAddress(address, settings.port()), (int) Math.max(1, share));
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
    ProbeFailure f = Diagnosis.broken(Stage.CONNECT, last, false, settings, Reply.of(0, ""));
    fail(f, Diagnosis.cause(last));
    return null;
  }

  private boolean authenticate(Conversation s) {
    if (settings.authentication().equals("none")) {
      return true;
    }
    begin(Stage.AUTH);
    Authentication auth = new Authentication(s, settings);
    Authentication.Result result = auth.run();
    if (result.failure() != null
        && result.failure().check() == ProbeCheck.AUTH_NOT_OFFERED
        && settings.authRequired()) {
      fail(
          new ProbeFailure(
              ProbeCheck.AUTH_MECHANISM,
              Diagnosis.AUTHENTICATION,
              "the server lists no AUTH, and the judged Sourcegraph (before 3.41) sends through Go's"
                  + " smtp.SendMail, which then fails: 'smtp: server doesn't support AUTH'; reach the"
                  + " submission port (587), or use authentication \"none\" where the server needs no login"),
          result.detail());
      return false;
    }
    if (result.failure() != null && result.failure().check() == ProbeCheck.AUTH_NOT_OFFERED) {
      log.warn(result.failure());
      log.skip("server offers no AUTH: Sourcegraph sends without authenticating");
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
    if (settings.from().indexOf('\r') >= 0 || settings.from().indexOf('\n') >= 0) {
      fail(
          new ProbeFailure(
              ProbeCheck.SENDER_REJECTED,
              Diagnosis.ADDRESS,
              "\"email.address\" contains a line break: Go's "
                  + "net/smtp refuses to send it (\"smtp: A line must not contain CR or LF\"), and so does smtplint; the server "
                  + "was not asked. Remove the line break"),
          "refused by the client: a line break in the address");
      return false;
    }
    String mail =
        "MAIL FROM:<"
            + settings.from()
            + ">"
            + (s.transport().supportsExtension("8BITMIME") ? " BODY=8BITMIME" : "")
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
      var r =
          s.command(
              Stage.RCPT_TO,
              "RCPT TO:<" + to + ">",
              250,
              251,
              252,
              253,
              254,
              255,
              256,
              257,
              258,
              259);
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
      if (r.isPresent()) {
        log.skip("nothing sent (no --to): RSET " + r.get().shown());
      } else {
        end(false, "nothing sent (no --to): RSET failed");
      }
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
      Reply r = s.transport().lastReply();
      s.transcript().server(r, "");
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

  private void begin(Stage stage) {
    log.begin(stage);
  }

  private void end(boolean ok, String detail) {
    log.end(ok, detail);
  }

  private void fail(ProbeFailure failure, String detail) {
    log.fail(failure, detail);
  }
}
