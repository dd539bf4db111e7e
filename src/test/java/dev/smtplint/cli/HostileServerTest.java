package dev.smtplint.cli;

import static dev.smtplint.probe.ScriptedServer.say;
import static dev.smtplint.probe.ScriptedServer.silence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.ScriptedServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Servers that are silent, slow, garbled or hang up: each probe ends within a few --timeouts with a
 * finding.
 */
class HostileServerTest extends ProbeHarness {
  /**
   * With --timeout 1 a probe takes about a second or two on a quiet machine; the bound is ten times
   * that, so a loaded CI machine does not fail it, and a hang (or the drip below, 80 s) still does.
   */
  private static final long BOUND_MS = 15_000;

  @TempDir static Path dir;

  private static Probed against(ScriptedServer.Script script, String authentication)
      throws Exception {
    try (ScriptedServer server = new ScriptedServer(script)) {
      Probed p = probe(config(dir, "localhost", server.port(), authentication, ""));
      assertTrue(p.ms() < BOUND_MS, "took " + p.ms() + " ms");
      assertFalse(p.ok());
      assertEquals(1, p.code());
      return p;
    }
  }

  @Test
  void silentServerIsTheImplicitTlsCaseAtThePort() throws Exception {
    Probed p = against((in, out, socket) -> silence(in), "none");
    String message = p.finding("probe-banner").get("message").asString();
    assertTrue(
        message.contains("sent no greeting within 1 s") && message.contains("TLS on connect"),
        message);
    assertEquals("/email.smtp/port", p.finding("probe-banner").get("pointer").asString());
    // A timeout reads as a timeout in the stage log too, never as the watchdog's "Socket closed".
    assertEquals("failed: timed out after 1 s", p.stage("banner"));
  }

  @Test
  void silentAfterEhloIsATimeoutAtThatStep() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              in.readLine();
              silence(in);
            },
            "none");
    assertTrue(p.rules().contains("probe-timeout"), p.rules().toString());
    assertTrue(p.stage("ehlo").startsWith("failed"), p.stage("ehlo"));
  }

  /**
   * Dovecot waits before it answers a failed login: a timeout at AUTH says the password may be
   * wrong.
   */
  @Test
  void aTimeoutAtAuthNamesTheFailedLoginDelay() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              in.readLine();
              say(out, "250-scripted.test\r\n250 AUTH PLAIN");
              in.readLine();
              silence(in);
            },
            "PLAIN");
    String message = p.finding("probe-timeout").get("message").asString();
    assertTrue(message.contains("auth_failure_delay"), message);
    assertEquals("/email.smtp/password", p.finding("probe-timeout").get("pointer").asString());
  }

  @Test
  void connectionResetByThePeer() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              in.readLine();
              socket.setSoLinger(true, 0); // close with RST instead of FIN
              socket.close();
            },
            "none");
    assertTrue(p.rules().contains("probe-ehlo"), p.rules().toString());
  }

  @Test
  void dripFeedingServerIsCutOffByTheStepDeadline() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              for (char c :
                  "220 a greeting that never seems to end because it arrives one byte at a time\r\n"
                      .toCharArray()) {
                out.write(c);
                out.flush();
                Thread.sleep(
                    1_000); // 80 s in all: far past the bound unless the step's deadline cuts it
              }
            },
            "none");
    assertTrue(p.rules().contains("probe-banner"), p.rules().toString());
  }

  @Test
  void garbageInsteadOfSmtp() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              say(out, "HTTP/1.1 400 Bad Request");
              silence(in);
            },
            "none");
    assertTrue(p.rules().contains("probe-banner"), p.rules().toString());
  }

  @Test
  void invalidReplyCodesToEhlo() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              while (in.readLine() != null) {
                say(out, "abc what is a reply code");
              }
            },
            "none");
    assertTrue(p.rules().contains("probe-ehlo"), p.rules().toString());
  }

  @Test
  void startTlsAdvertisedThenRefused() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              String line;
              while ((line = in.readLine()) != null) {
                say(
                    out,
                    line.startsWith("EHLO")
                        ? "250-scripted.test\r\n250 STARTTLS"
                        : "454 4.7.0 TLS not available due to local problem");
              }
            },
            "none");
    String message = p.finding("probe-starttls").get("message").asString();
    assertTrue(message.contains("454 4.7.0 TLS not available"), message);
  }

  @Test
  void tlsHandshakeThatStalls() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              String line;
              while ((line = in.readLine()) != null) {
                if (line.startsWith("STARTTLS")) {
                  say(out, "220 2.0.0 go ahead");
                  silence(in);
                  return;
                }
                say(out, "250-scripted.test\r\n250 STARTTLS");
              }
            },
            "none");
    assertEquals("/email.smtp/host", p.finding("probe-timeout").get("pointer").asString());
  }

  @Test
  void tenThousandLineEhloReplyIsReadWithinTheBound() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              String line;
              while ((line = in.readLine()) != null) {
                if (line.startsWith("EHLO")) {
                  StringBuilder reply = new StringBuilder();
                  for (int i = 0; i < 10_000; i++) {
                    reply.append("250-X-EXTENSION-").append(i).append("\r\n");
                  }
                  out.write(reply.append("250 OK\r\n").toString().getBytes());
                  out.flush();
                } else {
                  say(out, line.startsWith("QUIT") ? "221 bye" : "250 ok");
                }
              }
            })) {
      Probed p = probe(config(dir, "localhost", server.port(), "none", ""));
      assertTrue(p.ms() < BOUND_MS, "took " + p.ms() + " ms");
      assertTrue(p.ok(), p.file().toString());
    }
  }

  @Test
  void anEndlessReplyLineIsCutOffBeforeItFillsMemory() throws Exception {
    Probed p =
        against(
            (in, out, socket) -> {
              byte[] chunk = "x".repeat(64 * 1024).getBytes();
              out.write("220 ".getBytes());
              while (true) {
                out.write(chunk); // until the client hangs up
              }
            },
            "none");
    String message = p.finding("probe-banner").get("message").asString();
    assertTrue(message.contains("more than 4 MiB in one step"), message);
  }

  @Test
  void megabyteReplyLineEndsWithAFindingOrPasses() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            (in, out, socket) -> {
              say(out, "220 " + "x".repeat(1 << 20));
              silence(in);
            })) {
      Probed p = probe(config(dir, "localhost", server.port(), "none", ""));
      assertTrue(p.ms() < BOUND_MS, "took " + p.ms() + " ms");
      assertFalse(p.ok());
    }
  }

  @ParameterizedTest(name = "hang up at {0}")
  @CsvSource({
    "BANNER, probe-banner",
    "EHLO, probe-ehlo",
    "AUTH, probe-auth-rejected",
    "MAIL, probe-sender-rejected",
    "RCPT, probe-recipient-rejected",
    "RSET, probe-data-rejected",
    "QUIT, probe-data-rejected"
  })
  void serverHangsUpAtEachStep(String step, String rule) throws Exception {
    Probed p = against(ScriptedServer.hangingUpAt(step), "PLAIN");
    assertTrue(p.rules().contains(rule), step + ": " + p.rules());
  }

  @Test
  void nothingListeningIsAConnectFinding() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Probed p = probe(config(dir, "127.0.0.1", port, "none", ""));
    assertTrue(
        p.finding("probe-connect").get("message").asString().contains("connection refused"),
        p.file().toString());
    assertTrue(p.ms() < BOUND_MS);
  }

  @Test
  void badCaFileIsAUsageError() throws Exception {
    Run run =
        Run.withInput(
            "",
            Map.of(),
            "lint",
            "--probe",
            "--ca-file",
            dir.resolve("missing.pem").toString(),
            config(dir, "localhost", 25, "none", "").toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--ca-file"), run.err());
  }

  @AfterAll
  static void noOutputShowsSecrets() {
    assertNoSecretsIn(OUTPUTS, 10);
  }
}
