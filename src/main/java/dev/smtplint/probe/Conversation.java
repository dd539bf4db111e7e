package dev.smtplint.probe;

import dev.smtplint.report.ProbeFailure;
import jakarta.mail.MessagingException;
import java.io.EOFException;
import java.net.Socket;
import java.util.Arrays;
import java.util.Optional;

/**
 * The command phase after the connection is open: each command bounded by the watchdog, written to
 * the transcript (AUTH redacted by the caller), and its failure kept as a {@link ProbeFailure}.
 */
final class Conversation {
  private final ProbeTransport transport;
  private final Watchdog watchdog;
  private final Socket socket;
  private final ProbeSettings settings;
  private final Transcript transcript;
  private ProbeFailure lastFailure;
  private String lastDetail = "";

  Conversation(
      ProbeTransport transport,
      Watchdog watchdog,
      Socket socket,
      ProbeSettings settings,
      Transcript transcript) {
    this.transport = transport;
    this.watchdog = watchdog;
    this.socket = socket;
    this.settings = settings;
    this.transcript = transcript;
  }

  ProbeTransport transport() {
    return transport;
  }

  Transcript transcript() {
    return transcript;
  }

  void arm(Stage stage) {
    watchdog.arm(stage, socket);
  }

  void disarm() {
    watchdog.disarm();
  }

  /**
   * Sends a command; the reply when its code is one of {@code expected}, else empty with the
   * failure kept.
   */
  Optional<Reply> command(Stage stage, String command, int... expected) {
    return exchange(stage, command, command, expected);
  }

  /**
   * As {@link #command}, but the transcript shows {@code shown} (a redacted form) instead of the
   * command; with no {@code expected} code, any reply is returned (Go's {@code cmd(0, ...)}).
   */
  Optional<Reply> exchange(Stage stage, String command, String shown, int... expected) {
    transcript.client(shown);
    arm(stage);
    try {
      int code = transport.simpleCommand(command);
      disarm();
      Reply reply = transport.lastReply();
      transcript.server(reply, "");
      if (code >= 0 && (expected.length == 0 || Arrays.stream(expected).anyMatch(e -> e == code))) {
        return Optional.of(reply);
      }
      if (code < 0) {
        // Angus reports a closed connection or an unreadable reply as code -1, not as an exception.
        recordFailure(
            stage, new EOFException("the server closed the connection or sent no valid reply"));
        return Optional.empty();
      }
      lastFailure = Diagnosis.rejected(stage, reply, !settings.sends());
      lastDetail = reply.shown();
      return Optional.empty();
    } catch (MessagingException | RuntimeException e) {
      disarm();
      recordFailure(stage, e);
      return Optional.empty();
    }
  }

  void recordFailure(Stage stage, Exception e) {
    Reply last = transport.lastReply();
    boolean timedOut = watchdog.expired() == stage;
    if (!timedOut && last.code() >= 400 && stage == Stage.DATA) {
      lastFailure = Diagnosis.rejected(stage, last, !settings.sends());
      lastDetail = last.shown();
      transcript.server(last, "");
      return;
    }
    lastFailure = Diagnosis.broken(stage, e, timedOut, settings, last);
    lastDetail =
        timedOut ? "timed out after " + settings.timeout().toSeconds() + " s" : Diagnosis.cause(e);
    transcript.note(lastDetail);
  }

  ProbeFailure lastFailure() {
    return lastFailure;
  }

  String lastDetail() {
    return lastDetail;
  }
}
