package dev.smtplint.instance;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running Sourcegraph's GraphQL API ({@code POST URL/.api/graphql}), as src-cli talks to it: the
 * access token in {@code Authorization: token …}, never in a URL, a message or a log; no redirect
 * is followed (the token goes to the address given and nowhere else); plain http only to this
 * machine. Two operations: the effective site configuration, and the instance's own {@code
 * sendTestEmail}. Every failure is one sentence without the token (an {@link ApiException}).
 */
public final class SourcegraphApi {
  /** The query the admin UI's site-configuration page makes, reduced to what smtplint reads. */
  static final String SITE_CONFIGURATION =
      "query SmtplintSiteConfiguration { site { productVersion configuration { id effectiveContents validationMessages } } }";

  static final String SEND_TEST_EMAIL =
      "mutation SmtplintSendTestEmail($to: String!) { sendTestEmail(to: $to) }";

  /** The most of an answer smtplint reads (a site configuration is a few KB). */
  static final int MAX_ANSWER = 8 << 20;

  /** A failure to talk to the instance, in words a user reads; never holds the token. */
  public static final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    ApiException(String message) {
      super(message, null, false, false);
    }
  }

  private final URI endpoint;
  private final String shown;
  private final String token;
  private final TokenMask tokenMask;
  private final Duration timeout;
  private final HttpClient client;

  /** At most this many validation messages are kept (a hostile server could send millions). */
  private static final int MAX_MESSAGES = 1000;

  private SourcegraphApi(
      URI endpoint, String shown, String token, Duration timeout, Optional<SSLContext> tls) {
    this.endpoint = endpoint;
    this.shown = shown;
    this.token = token;
    this.tokenMask = new TokenMask(token);
    this.timeout = timeout;
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
    if (tls.isPresent()) {
      builder.sslContext(tls.get()); // the JDK's CAs and --ca-file's
    }
    this.client = builder.build();
  }

  /** The instance at {@code url}, or why that URL or token cannot be used (a usage problem). */
  public static SourcegraphApi of(String url, String token, Duration timeout) throws ApiException {
    return of(url, token, timeout, Optional.empty());
  }

  /** The same, trusting {@code tls}'s certificates (--ca-file's and the JDK's) for HTTPS. */
  public static SourcegraphApi of(
      String url, String token, Duration timeout, Optional<SSLContext> tls) throws ApiException {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI base;
    try {
      base = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new ApiException(
          "--instance takes the instance's URL (https://sourcegraph.example.com)");
    }
    String scheme = Optional.ofNullable(base.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null
        || base.getRawUserInfo() != null) {
      throw new ApiException(
          "--instance takes the instance's URL (https://sourcegraph.example.com)");
    }
    if (scheme.equals("http") && !isLoopback(base.getHost())) {
      throw new ApiException(
          "refusing to send the access token over plain http to " + base.getHost() + ": use https");
    }
    if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new ApiException(
          "SRC_ACCESS_TOKEN is not an access token (printable characters without spaces)");
    }
    return new SourcegraphApi(
        URI.create(trimmed + "/.api/graphql"),
        scheme + "://" + base.getRawAuthority(),
        token,
        timeout,
        tls);
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // A literal address only (digits and dots, or an IPv6 literal): a name is never resolved
      // here, as it
      // could resolve elsewhere when the request is made.
      boolean literal =
          !h.isEmpty()
              && (h.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9') || h.contains(":"));
      return literal && InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The instance as users name it (scheme and authority), for messages and as the linted "file".
   */
  public String shown() {
    return shown;
  }

  /**
   * The instance's site configuration: its effective contents (JSONC, secrets as the instance
   * redacts them) and its own validation messages ("email.smtp.port: Invalid type…"), in its order.
   */
  public record SiteConfiguration(
      String contents, List<String> validationMessages, Optional<String> productVersion) {
    public SiteConfiguration {
      validationMessages = List.copyOf(validationMessages);
    }
  }

  public SiteConfiguration siteConfiguration() throws ApiException {
    JsonNode site = call(SITE_CONFIGURATION, Map.of()).path("site");
    JsonNode configuration = site.path("configuration");
    JsonNode version = site.path("productVersion");
    JsonNode contents = configuration.path("effectiveContents");
    if (!contents.isString()) {
      throw notSourcegraph();
    }
    List<String> messages = new ArrayList<>();
    for (JsonNode m : configuration.path("validationMessages")) {
      if (m.isString() && messages.size() < MAX_MESSAGES) {
        messages.add(shortened(mask(m.asString())));
      }
    }
    // A hostile server could plant the token in the configuration: masked at its length, positions
    // stay.
    return new SiteConfiguration(
        tokenMask.apply(contents.asString()),
        messages,
        version.isString()
            ? Optional.of(shortened(mask(version.asString())))
            : Optional.<String>empty());
  }

  /**
   * The instance's own test send: its answer, "Sent test email to …" or "Failed to send test email:
   * …".
   */
  public String sendTestEmail(String to) throws ApiException {
    JsonNode answer = call(SEND_TEST_EMAIL, Map.of("to", to)).path("sendTestEmail");
    if (!answer.isString()) {
      throw notSourcegraph();
    }
    return mask(answer.asString());
  }

  private JsonNode call(String query, Map<String, String> variables) throws ApiException {
    JsonMapper json = JsonMapper.shared();
    byte[] body = json.writeValueAsBytes(Map.of("query", query, "variables", variables));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Authorization", "token " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "smtplint")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<InputStream> response;
    byte[] answer;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      answer = readBefore(response.body(), deadline);
    } catch (HttpTimeoutException e) {
      throw new ApiException(
          "no answer from " + shown + " within " + timeout.toSeconds() + " s (--timeout)");
    } catch (ConnectException e) {
      throw new ApiException("cannot connect to " + shown + " (connection refused or unreachable)");
    } catch (SSLException e) {
      throw new ApiException(
          "TLS with "
              + shown
              + " failed: its certificate is not trusted by this Java, or it does not speak TLS");
    } catch (IOException e) {
      throw new ApiException(cause(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while talking to " + shown);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new ApiException(
          shown + " refused the access token (HTTP " + status + "): check SRC_ACCESS_TOKEN");
    }
    if (status >= 300 && status < 400) {
      throw new ApiException(
          shown
              + " answered with a redirect (HTTP "
              + status
              + "); give the instance's own URL "
              + "(smtplint does not follow redirects, so the token is only ever sent to the address given)");
    }
    if (answer.length > MAX_ANSWER) {
      throw new ApiException(
          shown
              + " answered with more than "
              + (MAX_ANSWER >> 20)
              + " MiB: not a site configuration");
    }
    JsonNode root;
    try {
      root = json.readTree(new String(answer, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw notSourcegraph(status);
    }
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      String message = errors.path(0).path("message").asString("");
      if (message.contains("must be site admin")) {
        throw new ApiException(
            "the access token's user is not a site admin on "
                + shown
                + " (Sourcegraph: \"must be site admin\"); the site configuration and sendTestEmail need one");
      }
      throw new ApiException(
          shown + "'s GraphQL API answered with an error: \"" + shortened(mask(message)) + "\"");
    }
    if (status != 200 || !root.path("data").isObject()) {
      throw notSourcegraph(status);
    }
    return root.path("data");
  }

  /**
   * The whole answer by the deadline (--timeout covers the answer, not only the wait for its
   * headers: a server that sends headers and then drips the body is cut off), at most MAX_ANSWER +
   * 1 bytes. The read runs on a daemon thread; at the deadline its stream is closed and the thread
   * left behind.
   */
  private byte[] readBefore(InputStream in, long deadline)
      throws IOException, InterruptedException {
    FutureTask<byte[]> read =
        new FutureTask<>(
            () -> {
              try (in) {
                return in.readNBytes(MAX_ANSWER + 1);
              }
            });
    Thread reader = new Thread(read, "smtplint-instance-read");
    reader.setDaemon(true);
    reader.start();
    try {
      return read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      try {
        in.close();
      } catch (IOException ignored) {
        // the answer is abandoned either way
      }
      throw new HttpTimeoutException("the answer did not end in time");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? io
          : new IOException("reading the answer failed");
    }
  }

  private ApiException notSourcegraph() {
    return notSourcegraph(200);
  }

  private ApiException notSourcegraph(int status) {
    return new ApiException(
        shown
            + " does not answer like a Sourcegraph GraphQL API (POST /.api/graphql"
            + (status == 200 ? "" : ": HTTP " + status)
            + "): is it the instance's URL?");
  }

  private String cause(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "cannot resolve " + shown + " (no such host)";
      }
      if (t instanceof ConnectException) {
        return "cannot connect to " + shown + " (connection refused or unreachable)";
      }
      if (t instanceof SSLException) {
        return "TLS with "
            + shown
            + " failed: its certificate is not trusted by this Java, or it does not speak TLS";
      }
    }
    return "the connection to " + shown + " failed (closed before a complete answer)";
  }

  /** A server's text with the token masked, should a hostile server echo it. */
  private String mask(String text) {
    return tokenMask.apply(text);
  }

  /** A server's message, bounded: at most 200 characters (the caller escapes it). */
  private static String shortened(String message) {
    return message.length() <= 200 ? message : message.substring(0, 200) + "…";
  }
}
