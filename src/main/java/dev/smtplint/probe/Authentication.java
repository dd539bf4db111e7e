package dev.smtplint.probe;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AUTH exactly as Go's net/smtp {@code Client.Auth} does it for Sourcegraph: only when the server
 * lists AUTH, exactly the configured mechanism (no fallback), PLAIN with its initial response and
 * only over TLS or to localhost, CRAM-MD5 answering every 334 challenge with the HMAC-MD5 of that
 * challenge; any other reply ends the exchange, and Go then sends "*" and QUIT. Every form of the
 * password put on the wire is handed to the transport's redactor first.
 */
final class Authentication {
  /** Either a failure (the step failed, or the not-offered warning) or the detail of success. */
  record Result(ProbeFailure failure, String detail) {}

  /** A server that keeps challenging is not answered forever. */
  private static final int MAX_ROUNDS = 16;

  private final Conversation conversation;
  private final ProbeSettings settings;

  Authentication(Conversation conversation, ProbeSettings settings) {
    this.conversation = conversation;
    this.settings = settings;
  }

  Result run() {
    ProbeTransport t = conversation.transport();
    if (!t.supportsExtension("AUTH")) {
      return new Result(
          new ProbeFailure(
              ProbeCheck.AUTH_NOT_OFFERED,
              Diagnosis.AUTHENTICATION,
              "the server lists no AUTH, so "
                  + "Sourcegraph sends without logging in (it does not fail here); if the server needs a login, a later step fails: "
                  + "check that you reach the submission port (587)"),
          "not offered");
    }
    if (!settings.passwordMayBeSent()) {
      return new Result(
          hostNotAllowed(settings.host()), "not sent: host not allowed for the password");
    }
    String mechanism = settings.authentication();
    if (mechanism.equals("PLAIN") && !t.tlsActive() && !isLocalhost(settings.host())) {
      return new Result(
          new ProbeFailure(
              ProbeCheck.PLAINTEXT_AUTH,
              Diagnosis.AUTHENTICATION,
              "Go's net/smtp refuses to send a "
                  + "PLAIN password over a connection without TLS to this host (the server offers no STARTTLS): "
                  + "Sourcegraph fails with 'unencrypted connection'; use a port where the server offers STARTTLS (587)"),
          "refused by the client: unencrypted connection");
    }
    String offered = Optional.ofNullable(t.getExtensionParameter("AUTH")).orElse("");
    Redactor redactor = t.redactor();
    redactor.add(settings.password().value());
    redactor.add(b64(settings.password().value().getBytes(StandardCharsets.UTF_8)));
    String command = "AUTH " + mechanism;
    String shown = command;
    if (mechanism.equals("PLAIN")) {
      String blob =
          b64(
              ("\0" + settings.username() + "\0" + settings.password().value())
                  .getBytes(StandardCharsets.UTF_8));
      redactor.add(blob);
      command += " " + blob;
      shown += " " + Redactor.MASK;
    }
    Optional<Reply> reply = conversation.exchange(Stage.AUTH, command, shown);
    for (int round = 0; reply.isPresent() && round < MAX_ROUNDS; round++) {
      Reply r = reply.get();
      if (r.code() == 235) {
        return new Result(null, r.shown() + " (" + mechanism + ")");
      }
      if (r.code() != 334) {
        abort();
        return new Result(classify(r, mechanism, offered), r.shown());
      }
      if (mechanism.equals("PLAIN")) {
        abort();
        return new Result(
            new ProbeFailure(
                ProbeCheck.AUTH_MECHANISM,
                Diagnosis.AUTHENTICATION,
                "the server asked for more after "
                    + "AUTH PLAIN with its initial response: Go's client gives up ('unexpected server challenge')"),
            r.shown());
      }
      byte[] challenge;
      try {
        challenge = Base64.getDecoder().decode(r.text().trim());
      } catch (IllegalArgumentException e) {
        abort();
        return new Result(
            new ProbeFailure(
                ProbeCheck.AUTH_MECHANISM,
                Diagnosis.AUTHENTICATION,
                "the server's "
                    + mechanism
                    + " challenge is not base64, which Go's client refuses: \""
                    + r.shown()
                    + "\""),
            r.shown());
      }
      String response = b64(cramMd5(challenge));
      redactor.add(response);
      reply = conversation.exchange(Stage.AUTH, response, Redactor.MASK);
    }
    if (reply.isPresent()) {
      abort();
      return new Result(
          new ProbeFailure(
              ProbeCheck.AUTH_MECHANISM,
              Diagnosis.AUTHENTICATION,
              "the server sent more than "
                  + MAX_ROUNDS
                  + " challenges without accepting or refusing the login"),
          reply.get().shown());
    }
    return new Result(conversation.lastFailure(), conversation.lastDetail());
  }

  /**
   * Go's CRAM-MD5 response: the username, a space, and the hex HMAC-MD5 of the challenge keyed by
   * the password.
   */
  private byte[] cramMd5(byte[] challenge) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(
          new SecretKeySpec(
              settings.password().value().getBytes(StandardCharsets.UTF_8), "HmacMD5"));
      String response =
          settings.username() + " " + HexFormat.of().formatHex(mac.doFinal(challenge));
      conversation.transport().redactor().add(response);
      return response.getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacMD5", e);
    }
  }

  /**
   * What Go does when AUTH fails: "*" to end the exchange, then QUIT; their replies do not matter.
   */
  private void abort() {
    conversation.command(Stage.AUTH, "*", 501);
    conversation.command(Stage.AUTH, "QUIT", 221);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private ProbeFailure classify(Reply r, String mechanism, String offered) {
    String shown = r.shown();
    boolean unknownMechanism =
        r.code() == 504
            || r.enhanced().equals("5.7.4")
            || shown.toLowerCase(Locale.ROOT).contains("unrecognized authentication");
    if (unknownMechanism) {
      return new ProbeFailure(
          ProbeCheck.AUTH_MECHANISM,
          Diagnosis.AUTHENTICATION,
          "the server does not accept AUTH "
              + mechanism
              + ": \""
              + shown
              + "\""
              + (offered.isEmpty() ? "" : " (it offers " + offered + ")")
              + "; use a mechanism from that list that Sourcegraph speaks (PLAIN or CRAM-MD5)");
    }
    return new ProbeFailure(
        ProbeCheck.AUTH_REJECTED,
        Diagnosis.PASSWORD,
        "the server rejected the login: \""
            + shown
            + "\"; the username or password is wrong, expired, or not SMTP credentials (on SES: SMTP credentials, not IAM "
            + "keys; on Google: an app password)");
  }

  /**
   * The refusal of a password from the environment to a host the command line did not allow; the
   * host is not a secret.
   */
  private static ProbeFailure hostNotAllowed(String host) {
    return new ProbeFailure(
        ProbeCheck.HOST_NOT_ALLOWED,
        Diagnosis.HOST,
        "the password comes from the environment "
            + "(--password-env), and \""
            + host
            + "\" is not a host that --allow-host or "
            + "SMTPLINT_ALLOW_HOSTS names: smtplint "
            + "stopped before AUTH, so that a changed file cannot send the secret to a host of its choosing; if this host is "
            + "right, allow it on the command line: --allow-host "
            + host);
  }

  /** Go's net/smtp isLocalhost: the only hosts PLAIN may be sent to without TLS. */
  static boolean isLocalhost(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
  }
}
