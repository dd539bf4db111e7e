package dev.smtplint.probe;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * AUTH as Go's net/smtp does it for Sourcegraph: only when the server lists AUTH, exactly the
 * configured mechanism (no fallback), PLAIN with an initial response and only over TLS or to
 * localhost, CRAM-MD5 as one challenge and response. The JDK's SASL clients compute the responses.
 */
final class Authentication {
  /** Either a failure (the step failed, or the not-offered warning) or the detail of success. */
  record Result(Failure failure, String detail) {}

  private final Conversation conversation;
  private final ProbeSettings settings;

  Authentication(Conversation conversation, ProbeSettings settings) {
    this.conversation = conversation;
    this.settings = settings;
  }

  Result run() {
    ProbeTransport t = conversation.transport();
    if (!t.supportsExtension("AUTH")) {
      return new Result(new Failure("probe-auth-not-offered", Diagnosis.AUTHENTICATION, "the server lists no AUTH, so "
          + "Sourcegraph sends without logging in (it does not fail here); if the server needs a login, a later step fails: "
          + "check that you reach the submission port (587)"), "not offered");
    }
    String mechanism = settings.authentication();
    if (mechanism.equals("PLAIN") && !t.tlsActive() && !isLocalhost(settings.host())) {
      return new Result(new Failure("probe-plaintext-auth", Diagnosis.AUTHENTICATION, "Go's net/smtp refuses to send a "
          + "PLAIN password over a connection without TLS to \"" + settings.host() + "\" (the server offers no STARTTLS): "
          + "Sourcegraph fails with 'unencrypted connection'; use a port where the server offers STARTTLS (587)"),
          "refused by the client: unencrypted connection");
    }
    String offered = Optional.ofNullable(t.getExtensionParameter("AUTH")).orElse("");
    try {
      SaslClient client = Sasl.createSaslClient(new String[] {mechanism}, null, "smtp", settings.host(), Map.of(),
          callbacks -> {
            for (Callback c : callbacks) {
              if (c instanceof NameCallback n) {
                n.setName(settings.username());
              } else if (c instanceof PasswordCallback p) {
                p.setPassword(settings.password().value().toCharArray());
              }
            }
          });
      if (client == null) {
        throw new SaslException("the JDK has no " + mechanism + " client");
      }
      try {
        return exchange(client, mechanism, offered);
      } finally {
        client.dispose();
      }
    } catch (SaslException e) {
      return new Result(new Failure("probe-auth-mechanism", Diagnosis.AUTHENTICATION, "cannot compute the " + mechanism
          + " response (" + e.getMessage() + ")"), "client error");
    }
  }

  private Result exchange(SaslClient client, String mechanism, String offered) throws SaslException {
    Base64.Encoder b64 = Base64.getEncoder();
    String first = client.hasInitialResponse()
        ? "AUTH " + mechanism + " " + b64.encodeToString(client.evaluateChallenge(new byte[0]))
        : "AUTH " + mechanism;
    Optional<Reply> reply = conversation.exchange(Stage.AUTH, first, "AUTH " + mechanism + (client.hasInitialResponse() ? " ********" : ""), 235, 334);
    while (reply.isPresent() && reply.get().code() == 334) {
      if (mechanism.equals("PLAIN")) {
        conversation.command(Stage.AUTH, "*", 501);
        return new Result(new Failure("probe-auth-mechanism", Diagnosis.AUTHENTICATION, "the server asked for more after "
            + "AUTH PLAIN with its initial response: Go's client gives up ('unexpected server challenge')"), reply.get().shown());
      }
      byte[] challenge;
      try {
        challenge = Base64.getDecoder().decode(reply.get().text().trim());
      } catch (IllegalArgumentException e) {
        return new Result(new Failure("probe-auth-mechanism", Diagnosis.AUTHENTICATION, "the server's " + mechanism
            + " challenge is not base64: \"" + reply.get().shown() + "\""), reply.get().shown());
      }
      String response = b64.encodeToString(client.evaluateChallenge(challenge));
      reply = conversation.exchange(Stage.AUTH, response, "********", 235, 334);
    }
    if (reply.isPresent()) {
      return new Result(null, reply.get().shown() + " (" + mechanism + ")");
    }
    Failure failure = conversation.lastFailure();
    String detail = conversation.lastDetail();
    if (!failure.rule().equals("probe-timeout") && detail.matches("^\\d{3}.*")) {
      failure = classify(detail, mechanism, offered);
    }
    return new Result(failure, detail);
  }

  private Failure classify(String shown, String mechanism, String offered) {
    int code = Integer.parseInt(shown.substring(0, 3));
    boolean unknownMechanism = code == 504 || shown.contains("5.7.4") || shown.toLowerCase(Locale.ROOT).contains("unrecognized authentication");
    if (unknownMechanism) {
      return new Failure("probe-auth-mechanism", Diagnosis.AUTHENTICATION, "the server does not accept AUTH " + mechanism
          + ": \"" + shown + "\"" + (offered.isEmpty() ? "" : " (it offers " + offered + ")")
          + "; use a mechanism from that list that Sourcegraph speaks (PLAIN or CRAM-MD5)");
    }
    return new Failure("probe-auth-rejected", Diagnosis.PASSWORD, "the server rejected the login of \"" + settings.username()
        + "\": \"" + shown + "\"; the username or password is wrong, expired, or not SMTP credentials (on SES: SMTP "
        + "credentials, not IAM keys; on Google: an app password)");
  }

  /** Go's net/smtp isLocalhost: the only hosts PLAIN may be sent to without TLS. */
  static boolean isLocalhost(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
  }
}
