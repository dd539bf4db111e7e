package dev.smtplint.cli;

import static dev.smtplint.probe.ScriptedServer.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.ScriptedServer;
import dev.smtplint.probe.TestCerts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of docs/probe.md, "How the probe matches Sourcegraph's sender": each a scripted server
 * that answers one step the way a real server might, and the verdict and failing stage Go's
 * net/smtp would give there. Rows tested elsewhere name their test in the table.
 */
class ConformanceTest extends ProbeHarness {
  @TempDir static Path dir;
  static TestCerts certs;
  static Path ca;

  @BeforeAll
  static void certificates() throws Exception {
    certs = new TestCerts();
    ca = certs.caPem(dir);
  }

  /**
   * A server that answers each verb with the reply given for it (the default otherwise), records
   * every line, and on STARTTLS ("220 ...") continues over TLS with the test CA's certificate.
   */
  private static ScriptedServer server(List<String> lines, Map<String, String> replies)
      throws Exception {
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "GREETING",
                "220 conformance.test ESMTP",
                "EHLO",
                "250-conformance.test\r\n250 AUTH PLAIN CRAM-MD5",
                "HELO",
                "250 conformance.test",
                "AUTH",
                "235 2.7.0 ok",
                "MAIL",
                "250 2.1.0 ok",
                "RCPT",
                "250 2.1.5 ok",
                "RSET",
                "250 ok",
                "DATA",
                "354 go ahead",
                ".",
                "250 2.0.0 queued",
                "QUIT",
                "221 bye"));
    all.put("STARTTLS", "220 2.0.0 ready to start TLS");
    all.putAll(replies);
    return new ScriptedServer(
        (in, out, socket) -> {
          say(out, all.get("GREETING"));
          BufferedReader reader = in;
          OutputStream writer = out;
          boolean data = false;
          String line;
          while ((line = reader.readLine()) != null) {
            lines.add(line);
            if (data) {
              if (line.equals(".")) {
                data = false;
                say(writer, all.get("."));
              }
              continue;
            }
            String verb = line.split(" ")[0].toUpperCase();
            String reply = all.getOrDefault(verb, "250 ok");
            say(writer, reply);
            if (verb.equals("DATA") && reply.startsWith("354")) {
              data = true;
            } else if (verb.equals("STARTTLS") && reply.startsWith("220")) {
              SSLSocket tls =
                  (SSLSocket)
                      certs
                          .good()
                          .context()
                          .getSocketFactory()
                          .createSocket(
                              socket,
                              socket.getInetAddress().getHostAddress(),
                              socket.getPort(),
                              true);
              tls.setUseClientMode(false);
              tls.startHandshake();
              reader =
                  new BufferedReader(
                      new InputStreamReader(tls.getInputStream(), StandardCharsets.ISO_8859_1));
              writer = tls.getOutputStream();
              all.put("EHLO", all.getOrDefault("EHLO-AFTER-TLS", all.get("EHLO")));
            } else if (verb.equals("QUIT") || reply.startsWith("421")) {
              return;
            }
          }
        });
  }

  private static Probed probeWith(
      Map<String, String> replies, String authentication, List<String> lines, String... extra)
      throws Exception {
    try (ScriptedServer s = server(lines, replies)) {
      return probe(config(dir, "localhost", s.port(), authentication, ""), extra);
    }
  }

  private static boolean sent(List<String> lines, String prefix) {
    return lines.stream().anyMatch(l -> l.toUpperCase().startsWith(prefix.toUpperCase()));
  }

  @Test
  void greetingOtherThan220RefusesTheSession() throws Exception {
    Probed p =
        probeWith(
            Map.of("GREETING", "554 5.3.2 no service for you"),
            "none",
            new CopyOnWriteArrayList<>());
    assertTrue(p.stage("banner").startsWith("failed"), p.stage("banner"));
    assertTrue(p.finding("probe-banner").get("message").asString().contains("554"));
  }

  @Test
  void ehloRefusedFallsBackToHeloAndLosesTheExtensions() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Probed p = probeWith(Map.of("EHLO", "502 5.5.1 EHLO not implemented"), "PLAIN", lines);
    assertTrue(sent(lines, "HELO localhost"), lines.toString());
    assertTrue(
        p.rules().contains("probe-auth-not-offered"), "after HELO Go knows no AUTH: " + p.rules());
    assertFalse(sent(lines, "AUTH"), lines.toString());
  }

  @Test
  void extensionsCountOnlyInCapitalsAtTheStartOfALine() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Probed p =
        probeWith(
            Map.of("EHLO", "250-conformance.test\r\n250-starttls\r\n250 AUTH=PLAIN"),
            "PLAIN",
            lines);
    assertFalse(sent(lines, "STARTTLS"), "lower-case starttls is no offer (SPEC §6): " + lines);
    assertTrue(
        p.rules().contains("probe-auth-not-offered"), "AUTH=PLAIN is no AUTH offer: " + p.rules());
    String why = p.finding("probe-extension-case").get("message").asString();
    assertTrue(
        why.contains("\"starttls\"")
            && why.contains("without TLS")
            && why.contains("golang/go#78749"),
        why);
    assertEquals("warning", p.finding("probe-extension-case").get("severity").asString());
  }

  @Test
  void lowerCaseAuthAfterTlsIsNoOfferAndIsReported() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Probed p =
        probeWith(
            Map.of(
                "EHLO",
                "250-conformance.test\r\n250 STARTTLS",
                "EHLO-AFTER-TLS",
                "250-conformance.test\r\n250 auth PLAIN"),
            "PLAIN",
            lines,
            "--ca-file",
            ca.toString());
    assertTrue(p.stage("starttls").contains("TLS established"), p.stage("starttls"));
    assertFalse(sent(lines, "AUTH"), "released Go sees no AUTH offer in \"auth\": " + lines);
    assertTrue(p.rules().contains("probe-auth-not-offered"), p.rules().toString());
    String why = p.finding("probe-extension-case").get("message").asString();
    assertTrue(why.contains("\"auth\"") && why.contains("without authenticating"), why);
  }

  @Test
  void capitalKeywordsRaiseNoCaseWarning() throws Exception {
    Probed p = probeWith(Map.of(), "PLAIN", new CopyOnWriteArrayList<>());
    assertFalse(p.rules().contains("probe-extension-case"), p.rules().toString());
  }

  @Test
  void ehloAfterStartTlsHasNoHeloFallbackAndFailsAtStartTls() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Probed p =
        probeWith(
            Map.of(
                "EHLO",
                "250-conformance.test\r\n250-STARTTLS\r\n250 AUTH PLAIN",
                "EHLO-AFTER-TLS",
                "421 4.3.2 shutting down"),
            "none",
            lines,
            "--ca-file",
            ca.toString());
    assertTrue(p.stage("starttls").startsWith("failed"), p.stage("starttls"));
    assertTrue(
        p.finding("probe-starttls").get("message").asString().contains("421"), p.file().toString());
    assertFalse(sent(lines, "HELO") || sent(lines, "MAIL"), lines.toString());
  }

  @Test
  void plainFacingAChallengeGivesUpAndSendsStar() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Probed p = probeWith(Map.of("AUTH", "334 "), "PLAIN", lines);
    assertTrue(
        p.finding("probe-auth-mechanism")
            .get("message")
            .asString()
            .contains("unexpected server challenge"));
    assertTrue(lines.contains("*"), "Go aborts the exchange with *: " + lines);
  }

  @Test
  void authEndsOnlyOn235() throws Exception {
    Probed p =
        probeWith(
            Map.of("AUTH", "250 2.7.0 fine, I suppose"), "PLAIN", new CopyOnWriteArrayList<>());
    assertTrue(p.stage("auth").startsWith("failed"), p.stage("auth"));
  }

  @Test
  void mailFromCarriesTheOfferedParametersAndNeedsExactly250() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Probed ok =
        probeWith(
            Map.of("EHLO", "250-conformance.test\r\n250-8BITMIME\r\n250 SMTPUTF8"), "none", lines);
    assertTrue(ok.ok(), ok.file().toString());
    assertTrue(
        lines.contains("MAIL FROM:<sourcegraph@acme.io> BODY=8BITMIME SMTPUTF8"), lines.toString());
    Probed other =
        probeWith(Map.of("MAIL", "251 2.1.0 ok but not 250"), "none", new CopyOnWriteArrayList<>());
    assertTrue(other.stage("mail-from").startsWith("failed"), other.stage("mail-from"));
  }

  @Test
  void rcptToAcceptsAny25x() throws Exception {
    for (String reply :
        new String[] {
          "250 2.1.5 ok",
          "251 2.1.5 will forward",
          "252 2.1.5 Cannot VRFY user, but will accept message"
        }) {
      Probed p = probeWith(Map.of("RCPT", reply), "none", new CopyOnWriteArrayList<>());
      assertTrue(p.ok(), reply + ": " + p.file());
    }
    Probed refused =
        probeWith(Map.of("RCPT", "550 5.1.1 no such user"), "none", new CopyOnWriteArrayList<>());
    assertTrue(refused.stage("rcpt-to").startsWith("failed"), refused.stage("rcpt-to"));
  }

  @Test
  void dataNeeds354AndTheEndOfDataExactly250() throws Exception {
    Probed noGo =
        probeWith(
            Map.of("DATA", "250 2.0.0 ok?"),
            "none",
            new CopyOnWriteArrayList<>(),
            "--to",
            "me@acme.io");
    assertTrue(noGo.stage("data").startsWith("failed"), noGo.stage("data"));
    Probed end =
        probeWith(
            Map.of(".", "251 2.0.0 queued, sort of"),
            "none",
            new CopyOnWriteArrayList<>(),
            "--to",
            "me@acme.io");
    assertTrue(end.stage("data").startsWith("failed"), end.stage("data"));
    Probed sent = probeWith(Map.of(), "none", new CopyOnWriteArrayList<>(), "--to", "me@acme.io");
    assertTrue(
        sent.ok() && sent.stage("data").contains("250 2.0.0 queued"), sent.file().toString());
  }

  @Test
  void quitNeeds221() throws Exception {
    Probed p =
        probeWith(
            Map.of("QUIT", "250 see you"),
            "none",
            new CopyOnWriteArrayList<>(),
            "--to",
            "me@acme.io");
    assertTrue(p.stage("quit").startsWith("failed"), p.stage("quit"));
  }

  @Test
  void withoutToTheProbeResetsAfterRcptAndSendsNoData() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Probed p = probeWith(Map.of(), "none", lines);
    assertTrue(p.ok());
    assertTrue(sent(lines, "RSET") && !sent(lines, "DATA"), lines.toString());
  }

  @Test
  void aHostWithATrailingDotResolvesAndVerifiesWithoutIt() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ScriptedServer s =
        server(lines, Map.of("EHLO", "250-conformance.test\r\n250-STARTTLS\r\n250 AUTH PLAIN"))) {
      Path file = config(dir, "localhost.", s.port(), "none", "");
      Probed p = probe(file, "--ca-file", ca.toString());
      assertTrue(p.ok(), p.file().toString());
      assertTrue(p.stage("starttls").contains("TLS established"), p.stage("starttls"));
    }
  }

  /**
   * docs/probe.md names a test for every row; each must exist, so the table cannot claim a test
   * that is gone.
   */
  @Test
  void everyTestTheTableNamesExists() throws Exception {
    String table =
        Files.readString(
            Path.of(System.getProperty("smtplint.root", ".")).resolve("docs/probe.md"));
    int checked = 0;
    for (String row : table.split("\n")) {
      if (!row.startsWith("| ") || row.startsWith("| step") || row.startsWith("| ---")) {
        continue;
      }
      String tests = row.substring(row.lastIndexOf("| ", row.length() - 3) + 2);
      java.util.regex.Matcher t =
          java.util.regex.Pattern.compile("`(?:(\\w+)\\.)?(\\w+)`").matcher(tests);
      boolean any = false;
      while (t.find()) {
        boolean classOnly = t.group(1) == null && Character.isUpperCase(t.group(2).charAt(0));
        String type = classOnly ? t.group(2) : t.group(1) == null ? "ConformanceTest" : t.group(1);
        Class<?> c =
            Class.forName(
                "dev.smtplint."
                    + (type.equals("ProbeFuzzTest")
                            || type.equals("TestMessageTest")
                            || type.equals("GoTlsTest")
                        ? "probe."
                        : "cli.")
                    + type);
        if (classOnly) {
          any = true;
          continue;
        }
        c.getDeclaredMethod(t.group(2));
        any = true;
        checked++;
      }
      assertTrue(any, "a row without a test: " + row);
    }
    assertTrue(checked >= 20, "tests named: " + checked);
  }
}
