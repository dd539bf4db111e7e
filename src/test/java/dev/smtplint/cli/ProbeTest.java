package dev.smtplint.cli;

import static dev.smtplint.probe.ScriptedServer.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.ScriptedServer;
import dev.smtplint.probe.TestCerts;
import dev.smtplint.probe.TestSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probe against real SMTP servers on loopback and against hostile ones, through the real CLI.
 */
class ProbeTest extends ProbeHarness {
  private static final String PASSWORD = TestSmtpServer.PASSWORD;
  private static TestCerts certs;
  @TempDir static Path dir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = new TestCerts();
  }

  @Test
  void startTlsAndPlainDeliverTheTestMessage() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder().tls(certs.good().context()).auth("PLAIN").start()) {
      Path ca = certs.caPem(dir);
      Probed p =
          probe(
              config(
                  dir,
                  "localhost",
                  server.port(),
                  "PLAIN",
                  ", \"additionalHeaders\": [{\"key\": \"x-ses-configuration-set\", \"value\": \"tx\"}]"),
              "--ca-file",
              ca.toString(),
              "--to",
              "admin@acme.io");
      assertTrue(p.ok(), p.file().toString());
      assertEquals(0, p.code());
      assertTrue(p.stage("starttls").startsWith("ok: TLS established"), p.stage("starttls"));
      assertTrue(p.stage("auth").startsWith("ok: 235"), p.stage("auth"));
      assertTrue(p.stage("data").contains("queued as TEST123"), p.stage("data"));
      assertEquals(
          2, server.received.size(), "one message for each of the harness's two runs (json, text)");
      assertEquals("sourcegraph@acme.io", server.received.get(0).from());
      assertEquals(List.of("admin@acme.io"), server.received.get(0).to());
      assertTrue(
          server
              .received
              .get(0)
              .data()
              .contains("Subject: smtplint test of the Sourcegraph email settings"));
      // As Sourcegraph writes it: the default sender name, the additional header under Go's key.
      String data = server.received.get(0).data();
      assertTrue(data.contains("From: \"Sourcegraph\" <sourcegraph@acme.io>\r\n"), data);
      assertTrue(data.contains("X-Ses-Configuration-Set: tx\r\n"), data);
    }
  }

  /** -v shows a multi-line reply whole (the AUTH mechanisms) and the reply to STARTTLS. */
  @Test
  void theTranscriptShowsEveryReplyLineAndTheStartTlsReply() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder().tls(certs.good().context()).auth("PLAIN").start()) {
      Run run =
          Run.withInput(
              "",
              Map.of(),
              "lint",
              "--probe",
              "-v",
              "--timeout",
              "2",
              "--ca-file",
              certs.caPem(dir).toString(),
              config(dir, "localhost", server.port(), "PLAIN", "").toString());
      assertEquals(0, run.code(), run.all());
      java.util.List<String> lines = run.out().lines().map(String::strip).toList();
      int starttls = lines.indexOf("C: STARTTLS");
      assertTrue(starttls >= 0 && lines.get(starttls + 1).startsWith("S: 220"), run.out());
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("S: 250-")),
          "a multi-line EHLO reply, line by line: " + run.out());
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("S: 250") && l.contains("AUTH")), run.out());
    }
  }

  @Test
  void withoutToNothingIsSentAndTheSenderIsTheRecipient() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder().tls(certs.good().context()).auth("PLAIN").start()) {
      Probed p =
          probe(
              config(dir, "localhost", server.port(), "PLAIN", ""),
              "--ca-file",
              certs.caPem(dir).toString());
      assertTrue(p.ok(), p.file().toString());
      assertTrue(
          p.stage("data").startsWith("ok: nothing sent (no --to): RSET 250"), p.stage("data"));
      assertTrue(p.stage("quit").startsWith("ok: 221"), p.stage("quit"));
      assertEquals(0, server.received.size());
    }
  }

  @Test
  void cramMd5WorksAndAWrongPasswordIsLocatedAtThePassword() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.builder().auth("CRAM-MD5").start()) {
      Probed good = probe(config(dir, "localhost", server.port(), "CRAM-MD5", ""));
      assertTrue(good.ok(), good.file().toString());
      assertTrue(good.stage("auth").startsWith("ok: 235"), good.stage("auth"));
      Path wrong = config(dir, "localhost", server.port(), "CRAM-MD5", "");
      Files.writeString(wrong, Files.readString(wrong).replace(PASSWORD, "not-the-password"));
      Probed bad = probe(wrong);
      assertFalse(bad.ok());
      assertEquals(1, bad.code());
      JsonNode f = bad.finding("probe-auth-rejected");
      assertEquals("/email.smtp/password", f.get("pointer").asString());
      assertEquals(6, f.get("line").asInt());
      assertTrue(
          f.get("message").asString().contains("535 5.7.8 Authentication credentials invalid"),
          f.toString());
    }
  }

  @Test
  void certificatesThatSourcegraphRefusesAreFindingsAtTheHost() throws Exception {
    record Case(TestCerts.Identity identity, String words) {}
    for (Case c :
        List.of(
            new Case(certs.selfSigned(), "not signed by a trusted CA"),
            new Case(certs.wrongHost(), "does not name \"localhost\""),
            new Case(certs.expired(), "expired"))) {
      try (TestSmtpServer server =
          TestSmtpServer.builder().tls(c.identity().context()).auth("PLAIN").start()) {
        Probed p =
            probe(
                config(dir, "localhost", server.port(), "PLAIN", ""),
                "--ca-file",
                certs.caPem(dir).toString());
        JsonNode f = p.finding("probe-tls-certificate");
        assertEquals("/email.smtp/host", f.get("pointer").asString());
        assertTrue(f.get("message").asString().contains(c.words()), f.toString());
        // The advice fits the fault: --ca-file cannot fix a name, and it was given already.
        String advice = f.get("message").asString();
        // The refused certificate says what it names and who issued it.
        assertTrue(advice.contains("(it names ") && advice.contains("; issued by "), advice);
        if (c.words().startsWith("does not name")) {
          assertTrue(advice.contains("it names mail.other.test"), advice);
          // Go's own words, as Sourcegraph logs them
          assertTrue(
              advice.contains(
                  "Sourcegraph logs \"send STARTTLS: tls: failed to verify certificate: x509:"
                      + " certificate is valid for mail.other.test, not localhost\""),
              advice);
        } else if (c.words().equals("expired")) {
          assertTrue(
              advice.contains(
                  "Sourcegraph logs \"send STARTTLS: tls: failed to verify certificate: x509:"
                      + " certificate has expired or is not yet valid: current time "),
              advice);
        } else {
          assertTrue(
              advice.contains(
                  "Sourcegraph logs \"send STARTTLS: tls: failed to verify certificate: x509:"
                      + " certificate signed by unknown authority\""),
              advice);
        }
        if (c.words().startsWith("does not name")) {
          assertTrue(advice.contains("--ca-file does not change the name check"), advice);
        } else if (c.words().startsWith("not signed")) {
          assertTrue(advice.contains("not signed by the CA in --ca-file"), advice);
        } else {
          assertTrue(advice.contains("renew"), advice);
        }
        assertTrue(p.stage("starttls").startsWith("failed"));
        // The failed step shows what failed, not the server's "220 Ready to start TLS".
        assertFalse(p.stage("starttls").startsWith("failed: 220"), p.stage("starttls"));
      }
    }
  }

  /**
   * Certificates the JDK accepts and Go refuses (#41 item 1), against a real STARTTLS server with
   * the CA given: a Common Name without subject alternative names, a SHA-1 signature below the
   * root. Each refusal quotes Go's text for the judged release, and a release whose Go accepted it
   * passes.
   */
  @Test
  void certificatesAreVerifiedAsTheJudgedReleasesGoVerifiesThem() throws Exception {
    record Row(
        TestCerts.Identity identity, String release, String words, String goText, String fix) {}
    String ca = certs.caPem(dir).toString();
    TestCerts.Identity cn = certs.commonNameOnly();
    TestCerts.Identity sha1 = certs.sha1Signed();
    for (Row row :
        List.of(
            new Row(
                cn,
                null,
                "only in its Common Name",
                "send STARTTLS: tls: failed to verify certificate: x509: certificate relies on legacy"
                    + " Common Name field, use SANs instead",
                "subjectAltName = DNS:localhost"),
            new Row(
                cn,
                "3.30",
                "only in its Common Name",
                "send STARTTLS: x509: certificate relies on legacy Common Name field, use SANs or"
                    + " temporarily enable Common Name matching with GODEBUG=x509ignoreCN=0",
                "subjectAltName"),
            new Row(cn, "3.19", null, null, null),
            new Row(
                sha1,
                null,
                "signed with SHA-1",
                "send STARTTLS: tls: failed to verify certificate: x509: certificate signed by unknown"
                    + " authority (possibly because of \"x509: cannot verify signature: insecure"
                    + " algorithm ECDSA-SHA1\" while trying to verify candidate authority"
                    + " certificate \"smtplint test CA\")",
                "-sha256"),
            new Row(
                sha1,
                "3.40",
                "signed with SHA-1",
                "send STARTTLS: x509: certificate signed by unknown authority (possibly because of"
                    + " \"x509: cannot verify signature: insecure algorithm ECDSA-SHA1 (temporarily"
                    + " override with GODEBUG=x509sha1=1)\"",
                "-sha256"),
            new Row(sha1, "3.39", null, null, null),
            new Row(certs.good(), null, null, null, null))) {
      try (TestSmtpServer server =
          TestSmtpServer.builder().tls(row.identity().context()).auth("PLAIN").start()) {
        List<String> args = new java.util.ArrayList<>(List.of("--ca-file", ca));
        if (row.release() != null) {
          args.addAll(List.of("--sourcegraph-version", row.release()));
        }
        Probed p =
            probe(
                config(dir, "localhost", server.port(), "PLAIN", ""), args.toArray(new String[0]));
        String at = row.release() == null ? "the newest" : row.release();
        if (row.words() == null) {
          assertTrue(p.stage("starttls").startsWith("ok"), at + ": " + p.file());
          continue;
        }
        String message = p.finding("probe-tls-certificate").get("message").asString();
        assertTrue(message.contains(row.words()), at + ": " + message);
        assertTrue(message.contains(row.goText()), at + ": " + message);
        assertTrue(message.contains(row.fix()), at + ": " + message);
      }
    }
  }

  /**
   * The key exchange Go offers (#41 item 1): a server that speaks only the RSA key exchange is
   * reached by a release built with Go before 1.22 and refused by today's Go; one that speaks only
   * DHE by none. A real STARTTLS upgrade on loopback with the suites the server allows.
   */
  @Test
  void keyExchangesAreTheJudgedReleasesGos() throws Exception {
    TestCerts.Identity rsa = certs.rsa();
    String ca = certs.caPem(dir).toString();
    record Row(String suite, String release, boolean reached) {}
    for (Row row :
        List.of(
            new Row("TLS_RSA_WITH_AES_128_GCM_SHA256", null, false),
            new Row("TLS_RSA_WITH_AES_128_GCM_SHA256", "5.3", true),
            new Row("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "5.3", false),
            new Row("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null, true))) {
      try (dev.smtplint.probe.ScriptedServer server =
          new dev.smtplint.probe.ScriptedServer(startTlsWith(rsa, row.suite()))) {
        List<String> args = new java.util.ArrayList<>(List.of("--ca-file", ca));
        if (row.release() != null) {
          args.addAll(List.of("--sourcegraph-version", row.release()));
        }
        Probed p =
            probe(config(dir, "localhost", server.port(), "none", ""), args.toArray(new String[0]));
        String at = row.suite() + " at " + (row.release() == null ? "the newest" : row.release());
        assertEquals(
            row.reached(), p.stage("starttls").startsWith("ok"), at + ": " + p.stage("starttls"));
      }
    }
  }

  /** A STARTTLS server that upgrades with only {@code suite} (TLS 1.2), then accepts anything. */
  private static dev.smtplint.probe.ScriptedServer.Script startTlsWith(
      TestCerts.Identity identity, String suite) {
    return (in, out, socket) -> {
      dev.smtplint.probe.ScriptedServer.say(out, "220 kex.test ESMTP");
      java.io.BufferedReader reader = in;
      java.io.OutputStream writer = out;
      for (String l = reader.readLine(); l != null; l = reader.readLine()) {
        String c = l.toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("EHLO")) {
          dev.smtplint.probe.ScriptedServer.say(
              writer,
              socket instanceof javax.net.ssl.SSLSocket
                  ? "250 kex.test"
                  : "250-kex.test\r\n250 STARTTLS");
        } else if (c.equals("STARTTLS")) {
          dev.smtplint.probe.ScriptedServer.say(writer, "220 go ahead");
          javax.net.ssl.SSLSocket tls =
              (javax.net.ssl.SSLSocket)
                  identity
                      .context()
                      .getSocketFactory()
                      .createSocket(socket, null, socket.getPort(), false);
          tls.setUseClientMode(false);
          tls.setEnabledProtocols(new String[] {"TLSv1.2"});
          tls.setEnabledCipherSuites(new String[] {suite});
          tls.startHandshake();
          socket = tls;
          reader =
              new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      tls.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
          writer = tls.getOutputStream();
        } else if (c.startsWith("QUIT")) {
          dev.smtplint.probe.ScriptedServer.say(writer, "221 bye");
          return;
        } else {
          dev.smtplint.probe.ScriptedServer.say(writer, "250 ok");
        }
      }
    };
  }

  @Test
  void noVerifyTlsSkipsTrustAndHostNameChecksAsGoDoes() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder().tls(certs.wrongHost().context()).auth("PLAIN").start()) {
      Probed p =
          probe(config(dir, "localhost", server.port(), "PLAIN", ",\n    \"noVerifyTLS\": true"));
      assertTrue(p.ok(), p.file().toString());
      assertTrue(p.rules().contains("tls-verification-disabled"));
    }
  }

  @Test
  void plainWithoutTlsIsRefusedByTheClientExceptToLocalhost() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.builder().bind("127.0.0.2").auth("PLAIN").start()) {
      Probed p = probe(config(dir, "127.0.0.2", server.port(), "PLAIN", ""));
      JsonNode f = p.finding("probe-plaintext-auth");
      assertEquals("/email.smtp/authentication", f.get("pointer").asString());
      assertTrue(f.get("message").asString().contains("unencrypted connection"));
      assertTrue(p.stage("starttls").startsWith("ok: not offered"), p.stage("starttls"));
      assertTrue(
          p.file().toString().contains("\"stage\":\"starttls\",\"ok\":true,")
              && p.skipped("starttls"),
          "a step not taken is marked skipped, not passed: " + p.file());
    }
    try (TestSmtpServer server = TestSmtpServer.builder().auth("PLAIN").start()) {
      assertTrue(
          probe(config(dir, "127.0.0.1", server.port(), "PLAIN", "")).ok(),
          "Go allows PLAIN without TLS to 127.0.0.1");
    }
  }

  @Test
  void noAuthOfferedIsAWarningAndSourcegraphGoesOn() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.builder().start()) {
      Probed p = probe(config(dir, "localhost", server.port(), "PLAIN", ""));
      assertTrue(p.rules().contains("probe-auth-not-offered"), p.rules().toString());
      assertEquals("warning", p.finding("probe-auth-not-offered").get("severity").asString());
      assertTrue(p.ok(), "the send itself works");
      assertEquals(0, p.code());
    }
  }

  @Test
  void senderRejectedAtRcptIsLocatedAtTheAddress() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder()
            .rejectSenderAtRcpt("553 5.7.1 Sender address rejected: not owned by user")
            .start()) {
      Probed p = probe(config(dir, "localhost", server.port(), "none", ""));
      JsonNode f = p.finding("probe-sender-rejected");
      assertEquals("/email.address", f.get("pointer").asString());
      assertEquals(2, f.get("line").asInt());
      assertTrue(
          f.get("message").asString().contains("553 5.7.1 Sender address rejected"), f.toString());
    }
  }

  @Test
  void sesStyleRejectionAfterDataBlamesTheSender() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder()
            .rejectData(
                "554 Message rejected: Email address is not verified. The following identities failed the check")
            .start()) {
      Probed p =
          probe(
              config(dir, "localhost", server.port(), "none", ""),
              "--to",
              "success@simulator.amazonses.com");
      JsonNode f = p.finding("probe-sender-rejected");
      assertEquals("/email.address", f.get("pointer").asString());
      assertTrue(
          f.get("message").asString().contains("Email address is not verified"), f.toString());
      assertTrue(p.stage("data").startsWith("failed: 554"), p.stage("data"));
    }
  }

  @Test
  void cramMd5IsNeverSwappedForAnotherMechanism() throws Exception {
    List<String> commands = new CopyOnWriteArrayList<>();
    try (ScriptedServer server =
        new ScriptedServer(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              String line;
              while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ")[0].toUpperCase();
                switch (verb) {
                  case "EHLO" -> say(out, "250-scripted.test\r\n250 AUTH LOGIN PLAIN");
                  case "AUTH" -> say(out, "504 5.7.4 Unrecognized authentication type");
                  case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                  }
                  default -> say(out, "250 ok");
                }
              }
            })) {
      Probed p = probe(config(dir, "localhost", server.port(), "CRAM-MD5", ""));
      JsonNode f = p.finding("probe-auth-mechanism");
      assertTrue(
          f.get("message").asString().contains("504 5.7.4 Unrecognized authentication type"),
          f.toString());
      assertTrue(f.get("message").asString().contains("(it offers LOGIN PLAIN)"), f.toString());
      assertTrue(
          commands.stream()
              .filter(c -> c.startsWith("AUTH"))
              .allMatch(c -> c.equals("AUTH CRAM-MD5")),
          commands.toString());
    }
  }

  @Test
  void plainIsSentAsPlainEvenWhenLoginIsListedFirstAnd530IsNotAnsweredWithStartTls()
      throws Exception {
    List<String> commands = new CopyOnWriteArrayList<>();
    try (ScriptedServer server =
        new ScriptedServer(
            (in, out, socket) -> {
              say(out, "220 scripted.test ESMTP");
              String line;
              while ((line = in.readLine()) != null) {
                commands.add(line.startsWith("AUTH PLAIN ") ? "AUTH PLAIN <blob>" : line);
                switch (line.split(" ")[0].toUpperCase()) {
                  case "EHLO" -> say(out, "250-scripted.test\r\n250 AUTH LOGIN PLAIN");
                  case "AUTH" -> say(out, "530 5.7.0 Must issue a STARTTLS command first");
                  case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                  }
                  default -> say(out, "250 ok");
                }
              }
            })) {
      Probed p = probe(config(dir, "localhost", server.port(), "PLAIN", ""));
      assertTrue(p.rules().contains("probe-auth-rejected"), p.rules().toString());
      assertTrue(commands.contains("AUTH PLAIN <blob>"), commands.toString());
      assertFalse(
          commands.stream().anyMatch(c -> c.startsWith("AUTH LOGIN") || c.equals("STARTTLS")),
          commands.toString());
    }
  }

  @Test
  void passwordFromTheEnvironmentReplacesAPlaceholder() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.builder().auth("CRAM-MD5").start()) {
      Path file = config(dir, "localhost", server.port(), "CRAM-MD5", "");
      Files.writeString(file, Files.readString(file).replace(PASSWORD, "<YOUR SECRET>"));
      Probed p =
          probeWith(
              Map.of("SMTP_PASSWORD", PASSWORD),
              file,
              "--password-env",
              "SMTP_PASSWORD",
              "--allow-host",
              "localhost");
      assertTrue(p.ok(), p.file().toString());
      assertFalse(p.rules().contains("placeholder-value"), p.rules().toString());
      Run missing =
          Run.of("lint", "--probe", "--password-env", "NOT_SET_ANYWHERE", file.toString());
      assertEquals(2, missing.code());
      assertEquals(
          "smtplint: --password-env: environment variable NOT_SET_ANYWHERE is not set\n",
          missing.err());
    }
  }

  @Test
  void theProbeDoesNotRunWhenTheStaticCheckFoundErrors() throws Exception {
    Path file = config(dir, "localhost", 465, "plain", "");
    Run run = Run.of("lint", "--probe", file.toString());
    assertEquals(1, run.code());
    assertTrue(
        run.out()
            .contains(
                file
                    + ": probe not run: 2 errors above would stop Sourcegraph before it sends; fix them first"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "error [probe-not-run] --probe was asked, but the probe did not run: 2 errors"),
        run.out());
  }

  @Test
  void aProbeThatCannotRunFailsTheRunAndSaysWhy() throws Exception {
    Path file = dir.resolve("no-smtp.json");
    Files.writeString(file, "{\n  \"email.address\": \"sourcegraph@acme.io\"\n}\n");
    Run run = Run.of("lint", "--probe", "--format", "json", file.toString());
    assertEquals(1, run.code(), "a probe that did not run proves nothing: " + run.out());
    JsonNode f = JsonMapper.builder().build().readTree(run.out()).get("files").get(0);
    assertTrue(
        f.get("probe").get("notRun").asString().startsWith("there is no \"email.smtp\""),
        f.toString());
    JsonNode finding = f.get("findings").get(1);
    assertEquals("probe-not-run", finding.get("rule").asString(), f.toString());
    assertEquals("error", finding.get("severity").asString());
    assertEquals(1, Run.of("lint", "--probe", "--fail-on", "error", file.toString()).code());
    Run disabled = Run.of("lint", "--probe", "--disable", "probe-not-run", file.toString());
    assertEquals(0, disabled.code(), "switched off like any rule: " + disabled.out());
    assertEquals(
        0, Run.of("lint", file.toString()).code(), "without --probe there is nothing to report");
  }

  @AfterAll
  static void noOutputEverShowsThePasswordOrItsEncodings() {
    assertNoSecretsIn(OUTPUTS, 20);
    assertFalse(TestSmtpServer.AUTH_LINES.isEmpty(), "a CRAM-MD5 exchange was seen");
  }
}
