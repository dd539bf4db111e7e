package dev.smtplint.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.MultipleAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.PlainAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) on loopback, with STARTTLS, AUTH PLAIN / CRAM-MD5, and
 * rejections.
 */
public final class TestSmtpServer implements AutoCloseable {
  public static final String USER = "sourcegraph";
  public static final String PASSWORD = "s3cret-Pa55word-for-tests";

  /** A message the server accepted. */
  public record Received(String from, List<String> to, String data) {}

  private final SMTPServer server;
  public final List<Received> received = new CopyOnWriteArrayList<>();

  /** Every string a client sent in an AUTH exchange, to prove no output repeats one. */
  public static final List<String> AUTH_LINES = new CopyOnWriteArrayList<>();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private SSLContext tls;
    private final List<String> mechanisms = new java.util.ArrayList<>();
    private String rejectSenderAtRcpt;
    private String rejectData;
    private String bind = "127.0.0.1";

    public Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    public Builder auth(String... mechanisms) {
      this.mechanisms.addAll(List.of(mechanisms));
      return this;
    }

    public Builder rejectSenderAtRcpt(String reply) {
      this.rejectSenderAtRcpt = reply;
      return this;
    }

    public Builder rejectData(String reply) {
      this.rejectData = reply;
      return this;
    }

    public Builder bind(String address) {
      this.bind = address;
      return this;
    }

    public TestSmtpServer start() throws IOException {
      return new TestSmtpServer(this);
    }
  }

  private TestSmtpServer(Builder b) throws IOException {
    SMTPServer.Builder builder =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getByName(b.bind))
            .hostName("test.smtplint")
            .messageHandlerFactory(ctx -> new Handler(b));
    if (b.tls != null) {
      builder.enableTLS().startTlsSocketFactory(b.tls);
    }
    if (!b.mechanisms.isEmpty()) {
      MultipleAuthenticationHandlerFactory auth = new MultipleAuthenticationHandlerFactory();
      if (b.mechanisms.contains("PLAIN")) {
        auth.addFactory(
            new PlainAuthenticationHandlerFactory(
                (user, password, ctx) -> {
                  if (!USER.equals(user) || !PASSWORD.equals(password)) {
                    throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
                  }
                }));
      }
      if (b.mechanisms.contains("CRAM-MD5")) {
        auth.addFactory(new CramMd5());
      }
      builder.authenticationHandlerFactory(auth);
    }
    server = builder.build();
    server.start();
  }

  public int port() {
    return server.getPortAllocated();
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Handler implements MessageHandler {
    private final Builder b;
    private String from;
    private final List<String> to = new java.util.ArrayList<>();

    Handler(Builder b) {
      this.b = b;
    }

    public void from(String from) {
      this.from = from;
    }

    public void recipient(String recipient) throws RejectException {
      if (b.rejectSenderAtRcpt != null) {
        throw new RejectException(
            Integer.parseInt(b.rejectSenderAtRcpt.substring(0, 3)),
            b.rejectSenderAtRcpt.substring(4));
      }
      to.add(recipient);
    }

    public String data(InputStream data) throws IOException, RejectException {
      String text = new String(data.readAllBytes(), StandardCharsets.UTF_8);
      if (b.rejectData != null) {
        throw new RejectException(
            Integer.parseInt(b.rejectData.substring(0, 3)), b.rejectData.substring(4));
      }
      received.add(new Received(from, List.copyOf(to), text));
      return "queued as TEST123";
    }

    public void done() {}
  }

  /** CRAM-MD5 (RFC 2195), which SubEthaSMTP lacks: one challenge, one "user hmac" response. */
  private static final class CramMd5 implements AuthenticationHandlerFactory {
    public List<String> getAuthenticationMechanisms() {
      return List.of("CRAM-MD5");
    }

    public AuthenticationHandler create() {
      return new AuthenticationHandler() {
        private final String challenge = "<" + System.nanoTime() + "@test.smtplint>";
        private String identity;

        public Optional<String> auth(String clientInput, MessageContext context)
            throws RejectException {
          if (clientInput.toUpperCase().startsWith("AUTH")) {
            return Optional.of(
                "334 "
                    + Base64.getEncoder()
                        .encodeToString(challenge.getBytes(StandardCharsets.US_ASCII)));
          }
          AUTH_LINES.add(clientInput.trim());
          String decoded =
              new String(Base64.getDecoder().decode(clientInput.trim()), StandardCharsets.US_ASCII);
          String expected = USER + " " + hmac(PASSWORD, challenge);
          if (!decoded.equals(expected)) {
            throw new RejectException(535, "5.7.8 Authentication credentials invalid");
          }
          identity = USER;
          return Optional.empty();
        }

        public Object getIdentity() {
          return identity;
        }
      };
    }

    private static String hmac(String key, String text) {
      try {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        StringBuilder hex = new StringBuilder();
        for (byte x : mac.doFinal(text.getBytes(StandardCharsets.US_ASCII))) {
          hex.append(String.format("%02x", x));
        }
        return hex.toString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
