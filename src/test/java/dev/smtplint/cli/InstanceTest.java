package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.smtplint.probe.ErrorTexts;
import dev.smtplint.probe.TestSmtpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code lint --instance} against an HTTP server on loopback that answers as Sourcegraph's GraphQL
 * API does for these two operations (shapes from Sourcegraph's
 * cmd/frontend/graphqlbackend/schema.graphql: {@code site.configuration.effectiveContents:
 * JSONCString!}, {@code sendTestEmail(to: String!): String!}, and from send_test_email.go for the
 * answers). No real Sourcegraph can run here: this server stands in.
 */
class InstanceTest {
  static final String TOKEN = "sgp_0123456789abcdef_secret";
  static final String CONFIG =
      """
      {
        // the instance's effective configuration, secrets as the API serves them
        "externalURL": "https://sourcegraph.acme.io",
        "email.address": "noreply@acme.io",
        "email.smtp": {
          "host": "smtp.sendgrid.net",
          "port": 587,
          "authentication": "PLAIN",
          "username": "REDACTED",
          "password": "REDACTED"
        },
      }
      """;

  private HttpServer server;
  private String url;
  private final List<String> authorizations = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();

  /** What the server answers to a request body: status and JSON (or other) text. */
  private final AtomicReference<Function<JsonNode, Answer>> answer = new AtomicReference<>();

  record Answer(int status, String body, String contentType) {
    static Answer json(String body) {
      return new Answer(200, body, "application/json");
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
    answer.set(this::sourcegraph);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body =
        raw.length == 0
            ? JsonMapper.shared().createObjectNode()
            : JsonMapper.shared().readTree(raw);
    synchronized (this) {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(body);
    }
    Answer a =
        exchange.getRequestURI().getPath().equals("/.api/graphql")
                && exchange.getRequestMethod().equals("POST")
            ? answer.get().apply(body)
            : new Answer(404, "<html>not found</html>", "text/html");
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", a.contentType());
    if (a.status() == 302) {
      exchange
          .getResponseHeaders()
          .set("Location", url + "/moved/.api/graphql"); // followed, it would come back here
    }
    exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** Sourcegraph's answers: the configuration, and sendTestEmail saying sent. */
  private Answer sourcegraph(JsonNode request) {
    return request.path("query").asString().contains("sendTestEmail")
        ? Answer.json(
            sendTestEmail(
                "Sent test email to \""
                    + request.path("variables").path("to").asString()
                    + "\" successfully! Please check it was received - look for test ID: 3f2a1"))
        : Answer.json(
            "{\"data\":{\"site\":{\"configuration\":{\"id\":42,\"effectiveContents\":"
                + JsonMapper.shared().writeValueAsString(CONFIG)
                + "}}}}");
  }

  /** sendTestEmail's answer (a String!), as the API wraps it. */
  private static String sendTestEmail(String answer) {
    return "{\"data\":{\"sendTestEmail\":" + JsonMapper.shared().writeValueAsString(answer) + "}}";
  }

  private Run lint(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("lint"));
    all.addAll(List.of(args));
    Run run = Run.withInput("", env, all.toArray(String[]::new));
    assertFalse(run.all().contains(TOKEN), "the token is never shown: " + run.all());
    assertFalse(run.all().contains("Exception"), "no Java exception text: " + run.all());
    return run;
  }

  private Map<String, String> env() {
    return Map.of("SRC_ACCESS_TOKEN", TOKEN);
  }

  @Test
  void lintsTheEffectiveConfigurationWithPositionsAndRedactedIsNotAFinding() {
    Run run = lint(env(), "--instance", url, "--format", "json");
    assertEquals(0, run.code(), run.all());
    assertTrue(run.out().contains("\"path\":\"" + url + "\""), run.out());
    assertFalse(run.out().contains("redacted-value"), run.out());
    assertEquals(
        List.of("token " + TOKEN),
        authorizations,
        "the token goes in the Authorization header, as src-cli sends it");
    assertTrue(requests.get(0).path("query").asString().contains("effectiveContents"));
    // A finding in the served text has the line and column of the served text, and its source line.
    answer.set(
        r ->
            Answer.json(
                "{\"data\":{\"site\":{\"configuration\":{\"id\":1,\"effectiveContents\":"
                    + JsonMapper.shared()
                        .writeValueAsString(CONFIG.replace("\"PLAIN\"", "\"plain\""))
                    + "}}}}"));
    Run bad = lint(env(), "--instance", url);
    assertEquals(1, bad.code(), bad.all());
    assertTrue(bad.out().contains(url + ":8:23: error [auth-unknown]"), bad.out());
    assertFalse(bad.out().contains("fixable"), "there is no file --fix could write: " + bad.out());
    assertTrue(
        bad.out().contains("\"authentication\": \"plain\""),
        "the served line is shown: " + bad.out());
  }

  /** The instance names its release (site.productVersion): the verdict is that release's. */
  @Test
  void theInstanceJudgesForItsOwnRelease() {
    String templated =
        CONFIG.replaceFirst(
            "\\{",
            "{\n  \"email.templates\": {\"resetPassword\": {\"subject\": \"s\", \"html\": \"h\"}},");
    answer.set(
        r ->
            Answer.json(
                "{\"data\":{\"site\":{\"productVersion\":\"4.3.1\",\"configuration\":{\"id\":1,"
                    + "\"effectiveContents\":"
                    + JsonMapper.shared().writeValueAsString(templated)
                    + "}}}}"));
    Run run = lint(env(), "--instance", url, "--format", "json");
    assertEquals(1, run.code(), run.all());
    assertTrue(run.out().contains("\"rule\":\"setting-not-in-version\""), run.out());
    assertTrue(
        run.out().contains("\"judgedFor\":[\"Sourcegraph 4.3.1 (the instance's productVersion)\"]"),
        run.out());
    assertTrue(requests.get(0).path("query").asString().contains("productVersion"));
    Run flag = lint(env(), "--instance", url, "--format", "json", "--sourcegraph-version", "5.2");
    assertEquals(0, flag.code(), "the command line wins: " + flag.all());
    assertTrue(flag.out().contains("Sourcegraph 5.2 (--sourcegraph-version)"), flag.out());
  }

  /** The configuration answer with the instance's own validation messages. */
  private static Answer configuration(String config, List<String> messages) {
    return Answer.json(
        "{\"data\":{\"site\":{\"configuration\":{\"id\":1,\"effectiveContents\":"
            + JsonMapper.shared().writeValueAsString(config)
            + ",\"validationMessages\":"
            + JsonMapper.shared().writeValueAsString(messages)
            + "}}}}");
  }

  /**
   * Sourcegraph's own verdict (validationMessages, conf's "key.path: description") beside
   * smtplint's: each email message once, with smtplint's finding at that setting where there is
   * one, else a schema-violation there; messages about other settings are counted in a note.
   */
  @Test
  void theInstancesOwnValidationMessagesAreShownOnceBesideTheFindings() {
    String enumMessage =
        "email.smtp.authentication: email.smtp.authentication must be one of the following: "
            + "\"none\", \"PLAIN\", \"CRAM-MD5\"";
    String portMessage = "email.smtp.port: Must be less than or equal to 65535";
    answer.set(
        r ->
            configuration(
                CONFIG.replace("\"PLAIN\"", "\"plain\""),
                List.of(enumMessage, portMessage, "auth.providers.0: type is required")));
    Run run = lint(env(), "--instance", url);
    assertEquals(1, run.code(), run.all());
    assertTrue(requests.get(0).path("query").asString().contains("validationMessages"));
    assertTrue(run.out().contains(url + ":8:23: error [auth-unknown]"), run.out());
    assertTrue(
        run.out().contains("(the instance's own validation agrees: \"" + enumMessage + "\")"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                url
                    + ":7:13: error [schema-violation] the instance's own validation reports \""
                    + portMessage
                    + "\""),
        run.out());
    assertEquals(1, run.out().split(java.util.regex.Pattern.quote(enumMessage), -1).length - 1);
    assertTrue(
        run.err()
            .contains(
                "the instance reports 1 validation message about settings other than email.*"),
        run.err());
  }

  @Test
  void hostileValidationMessagesAreMaskedEscapedAndBounded() {
    List<String> messages = new ArrayList<>();
    messages.add("email.smtp.host: \u001b[2J\u001b]0;pwned\u0007 " + TOKEN);
    for (int i = 0; i < 5_000; i++) {
      messages.add("email.smtp.port: message " + i + " " + "x".repeat(1_000));
    }
    answer.set(r -> configuration(CONFIG, messages));
    Run run = lint(env(), "--instance", url, "--format", "json");
    assertEquals(1, run.code(), run.all());
    assertFalse(run.all().contains("\u001b") || run.all().contains("\u0007"), "no raw escape");
    int shown = run.out().split("the instance's own validation reports", -1).length - 1;
    assertTrue(shown > 0 && shown <= 1_000, "at most 1,000 messages: " + shown);
    assertFalse(run.out().contains("x".repeat(400)), "each message cut short");
  }

  /** --ca-file is trusted for the instance's HTTPS too (and the JDK's CAs stay trusted). */
  @Test
  void caFileIsTrustedForTheInstancesHttps() throws Exception {
    dev.smtplint.probe.TestCerts certs = new dev.smtplint.probe.TestCerts();
    com.sun.net.httpserver.HttpsServer https =
        com.sun.net.httpserver.HttpsServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(
        new com.sun.net.httpserver.HttpsConfigurator(certs.good().context()));
    https.createContext("/", this::handle);
    https.start();
    try {
      String secure = "https://localhost:" + https.getAddress().getPort();
      Run untrusted = lint(env(), "--instance", secure);
      assertEquals(2, untrusted.code(), untrusted.all());
      assertTrue(untrusted.err().contains("certificate is not trusted"), untrusted.all());
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ca");
      Run trusted = lint(env(), "--instance", secure, "--ca-file", certs.caPem(dir).toString());
      assertEquals(0, trusted.code(), trusted.all());
      assertTrue(trusted.out().contains("in 1 file"), trusted.out());
      Run noCa = lint(env(), "--instance", secure, "--ca-file", dir.resolve("none.pem").toString());
      assertEquals(2, noCa.code(), noCa.all());
    } finally {
      https.stop(0);
    }
  }

  /** In SARIF the instance is an absolute artifact URI (not a path under %SRCROOT%). */
  @Test
  void sarifNamesTheInstanceByItsUri() {
    Run run = lint(env(), "--instance", url, "--format", "sarif");
    JsonNode location =
        JsonMapper.shared()
            .readTree(run.out())
            .path("runs")
            .path(0)
            .path("artifacts")
            .path(0)
            .path("location");
    assertEquals(url, location.path("uri").asString());
    assertTrue(location.path("uriBaseId").isMissingNode(), location.toString());
  }

  @Test
  void theUrlComesFromSrcEndpointWhenNotGiven() {
    Run run = lint(Map.of("SRC_ACCESS_TOKEN", TOKEN, "SRC_ENDPOINT", url + "/"), "--instance");
    assertEquals(0, run.code(), run.all());
    assertEquals(1, requests.size());
  }

  @Test
  void probeToAsksTheInstanceToSend() {
    Run sent =
        lint(env(), "--instance", url, "--probe", "--to", "admin@acme.io", "--format", "json");
    assertEquals(0, sent.code(), sent.all());
    assertTrue(sent.out().contains("\"stage\":\"sendTestEmail\",\"ok\":true"), sent.out());
    assertEquals("admin@acme.io", requests.get(1).path("variables").path("to").asString());
    assertTrue(requests.get(1).path("query").asString().startsWith("mutation"));
  }

  /**
   * Every catalogue entry, as the instance's answer, becomes its finding, placed at the setting at
   * fault.
   */
  @Test
  void everyKnownFailureBecomesItsFindingAtTheSetting() {
    for (ErrorTexts.Entry e : ErrorTexts.ENTRIES) {
      if (!e.rule().startsWith("probe-")) {
        continue; // configuration failures: the static check reports them before any send
        // (ErrorTextsTest)
      }
      String answerText =
          e.example().startsWith("Failed to send test email: ")
              ? e.example()
              : "Failed to send test email: " + e.example() + ", look for test ID: 0a1b2";
      answer.set(
          r ->
              r.path("query").asString().contains("sendTestEmail")
                  ? Answer.json(sendTestEmail(answerText))
                  : sourcegraph(r));
      Run run = lint(env(), "--instance", url, "--probe", "--to", "admin@acme.io");
      assertEquals(1, run.code(), e.name() + ": " + run.all());
      assertTrue(
          run.out().contains("[" + e.rule() + "] the instance's test email failed"),
          e.name() + ": " + run.out());
      String line =
          switch (e.pointer()) {
            case "/email.smtp/host" -> ":6:";
            case "/email.smtp/port" -> ":7:";
            case "/email.smtp/authentication" -> ":8:";
            case "/email.smtp/password" -> ":10:";
            case "/email.address" -> ":4:";
            default -> ":5:"; // no setting: at the key of email.smtp
          };
      assertTrue(
          run.out().contains(url + line), e.name() + " at " + e.pointer() + ": " + run.out());
    }
  }

  @Test
  void anUnknownAnswerIsStillAFailedProbe() {
    answer.set(
        r ->
            r.path("query").asString().contains("sendTestEmail")
                ? Answer.json(
                    sendTestEmail(
                        "Failed to send test email: something new, look for test ID: 0a1b2"))
                : sourcegraph(r));
    Run run = lint(env(), "--instance", url, "--probe", "--to", "admin@acme.io");
    assertEquals(1, run.code(), run.all());
    assertTrue(run.out().contains("for a reason smtplint does not know"), run.out());
  }

  @Test
  void failuresAreOneLineExitTwoWithoutTheToken() throws IOException {
    assertUsage(lint(Map.of(), "--instance", url), "--instance needs SRC_ACCESS_TOKEN");
    assertUsage(lint(env(), "--instance"), "--instance needs the instance's URL, or SRC_ENDPOINT");
    assertUsage(lint(env(), "--instance", url, "site.json"), "give no FILE or --merge with it");
    assertUsage(lint(env(), "--instance", url, "--probe"), "--probe needs --to ADDRESS");
    assertUsage(
        lint(env(), "--instance", "http://sourcegraph.acme.io"),
        "refusing to send the access token over plain http");
    assertUsage(lint(env(), "--instance", "ftp://x"), "--instance takes the instance's URL");
    answer.set(
        r -> new Answer(401, "{\"message\":\"invalid token " + TOKEN + "\"}", "application/json"));
    assertUsage(lint(env(), "--instance", url), "refused the access token (HTTP 401)");
    answer.set(
        r ->
            Answer.json(
                """
                    {"errors":[{"message":"must be site admin","path":["site","configuration"]}],"data":{"site":{"configuration":null}}}"""));
    assertUsage(lint(env(), "--instance", url), "not a site admin");
    answer.set(
        r -> Answer.json("{\"errors\":[{\"message\":\"bad token " + TOKEN + " \\u001b[31m\"}]}"));
    Run echoed = lint(env(), "--instance", url);
    assertUsage(echoed, "GraphQL API answered with an error");
    assertFalse(echoed.err().contains("\u001b"), "a server's message cannot act on the terminal");
    answer.set(r -> new Answer(200, "<!DOCTYPE html><title>Welcome to nginx</title>", "text/html"));
    assertUsage(lint(env(), "--instance", url), "does not answer like a Sourcegraph GraphQL API");
    answer.set(r -> new Answer(302, "", "text/html"));
    int before = authorizations.size();
    assertUsage(lint(env(), "--instance", url), "answered with a redirect (HTTP 302)");
    assertEquals(
        before + 1, authorizations.size(), "the redirect (back to this server) was not followed");
    assertUsage(
        lint(env(), "--instance", url + "/nothing-here"),
        "does not answer like a Sourcegraph GraphQL API (POST /.api/graphql: HTTP 404)");
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread notTls =
          new Thread(
              () -> {
                try (Socket s = plain.accept()) {
                  s.getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // the client went away
                }
              });
      notTls.start();
      assertUsage(
          lint(env(), "--instance", "https://127.0.0.1:" + plain.getLocalPort()),
          "TLS with https://127.0.0.1");
    }
    answer.set(
        r -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return sourcegraph(r);
        });
    assertUsage(lint(env(), "--instance", url, "--timeout", "0.5"), "within 0 s (--timeout)");
    server.stop(0);
    assertUsage(lint(env(), "--instance", url), "cannot connect to " + url);
  }

  /**
   * --probe --password-env: the local step-by-step probe on the instance's settings, the password
   * from the environment (the instance serves it as REDACTED); refused, with a reason, where the
   * instance hides the username too.
   */
  @Test
  void passwordEnvProbesTheInstancesSettingsLocally() throws Exception {
    try (TestSmtpServer smtp = TestSmtpServer.builder().auth("CRAM-MD5").start()) {
      String served =
          "{\n  \"email.address\": \"sourcegraph@acme.io\",\n  \"email.smtp\": {\"host\": \"localhost\", \"port\": "
              + smtp.port()
              + ", \"authentication\": \"CRAM-MD5\", \"username\": \""
              + TestSmtpServer.USER
              + "\", \"password\": \"REDACTED\"}\n}\n";
      answer.set(
          r ->
              Answer.json(
                  "{\"data\":{\"site\":{\"configuration\":{\"id\":1,\"effectiveContents\":"
                      + JsonMapper.shared().writeValueAsString(served)
                      + "}}}}"));
      Map<String, String> env =
          Map.of("SRC_ACCESS_TOKEN", TOKEN, "SMTP_PASSWORD", TestSmtpServer.PASSWORD);
      Run run =
          lint(
              env,
              "--instance",
              url,
              "--probe",
              "--password-env",
              "SMTP_PASSWORD",
              "--allow-host",
              "localhost",
              "--timeout",
              "2",
              "--format",
              "json");
      assertEquals(0, run.code(), run.all());
      assertTrue(run.out().contains("\"stage\":\"auth\",\"ok\":true"), run.out());
      assertFalse(run.all().contains(TestSmtpServer.PASSWORD));
      answer.set(r -> sourcegraph(r)); // the username is REDACTED too
      assertUsage(
          lint(
              env,
              "--instance",
              url,
              "--probe",
              "--password-env",
              "SMTP_PASSWORD",
              "--allow-host",
              "smtp.sendgrid.net"),
          "serves email.smtp.username as REDACTED");
    }
  }

  /** A hostile server that plants the token in the configuration gets it masked, positions kept. */
  @Test
  void aTokenPlantedInTheConfigurationIsMasked() {
    answer.set(
        r ->
            Answer.json(
                "{\"data\":{\"site\":{\"configuration\":{\"id\":1,\"effectiveContents\":"
                    + JsonMapper.shared()
                        .writeValueAsString(
                            CONFIG.replace("\"smtp.sendgrid.net\"", "\"" + TOKEN + "\""))
                    + "}}}}"));
    Run run = lint(env(), "--instance", url);
    assertTrue(run.out().contains(url + ":6:"), "still located: " + run.out());
  }

  /**
   * Every form a hostile server might echo the token in: none reaches any output
   * (docs/security.md).
   */
  @Test
  void theTokenIsMaskedInEveryEncodingTheServerEchoes() {
    String b64 =
        java.util.Base64.getEncoder()
            .encodeToString(("token " + TOKEN).getBytes(StandardCharsets.UTF_8));
    String url64 =
        java.util.Base64.getUrlEncoder()
            .encodeToString(("x" + TOKEN + "yz").getBytes(StandardCharsets.UTF_8));
    String encoded = java.net.URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    String split = TOKEN.substring(0, 9) + "\n  " + TOKEN.substring(9);
    List<String> echoes = List.of(b64, url64, encoded, split, TOKEN.replace("_", "\\u005f"));
    for (String echo : echoes) {
      answer.set(
          r ->
              Answer.json(
                  "{\"errors\":[{\"message\":"
                      + JsonMapper.shared().writeValueAsString("bad: " + echo)
                      + "}]}"));
      Run run = lint(env(), "--instance", url);
      assertEquals(2, run.code(), run.all());
      assertTrue(run.err().contains("GraphQL API answered with an error"), run.err());
      String shown = run.all().replace("\\n", "\n").replaceAll("\\s+", "");
      assertFalse(
          shown.contains(TOKEN)
              || shown.contains(b64.substring(12, 30))
              || shown.contains(url64.substring(8, 30))
              || shown.contains(encoded),
          "echo " + echo + " shown: " + run.all());
    }
  }

  /**
   * Headers at once, then a byte a second: the whole answer is bounded by --timeout, not only its
   * start.
   */
  @Test
  void aServerThatDripsItsAnswerIsCutOffAtTheTimeout() throws Exception {
    try (ServerSocket drip = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server =
          new Thread(
              () -> {
                try (Socket s = drip.accept()) {
                  s.getInputStream().read(new byte[8192]);
                  var out = s.getOutputStream();
                  out.write(
                      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                          .getBytes(StandardCharsets.UTF_8));
                  out.flush();
                  for (int i = 0; i < 600; i++) {
                    Thread.sleep(100);
                    out.write(' ');
                    out.flush();
                  }
                } catch (IOException | InterruptedException e) {
                  // the client hung up: as it should
                }
              });
      server.setDaemon(true);
      server.start();
      long start = System.nanoTime();
      Run run =
          lint(env(), "--instance", "http://127.0.0.1:" + drip.getLocalPort(), "--timeout", "1");
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertEquals(2, run.code(), run.all());
      assertTrue(run.err().contains("within 1 s (--timeout)"), run.err());
      assertTrue(seconds < 30, "the drip would take 60 s; cut off after " + seconds + " s");
    }
  }

  private static void assertUsage(Run run, String message) {
    assertEquals(2, run.code(), run.all());
    assertTrue(run.err().contains(message), "wanted \"" + message + "\" in: " + run.err());
    assertEquals(1, run.err().lines().count(), "one line: " + run.err());
  }
}
