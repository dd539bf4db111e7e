package dev.smtplint.cli;

import static dev.smtplint.probe.ScriptedServer.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.ScriptedServer;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against a branch that redirects the CI secret and a server that plays tricks: the
 * secret goes only where the command line allows, the wire carries Go's bytes, client-side refusals
 * are named as such, and no server reply shows the password in any form.
 */
class ProbeTrustTest extends ProbeHarness {
  @TempDir Path dir;

  /**
   * A plain-text server on loopback that offers {@code auth}, accepts everything and records every
   * line as bytes.
   */
  private static ScriptedServer recording(List<String> lines, String auth) throws Exception {
    return new ScriptedServer(
        (in, out, socket) -> {
          say(out, "220 scripted.test ESMTP");
          String line;
          while ((line = in.readLine()) != null) {
            lines.add(line);
            String verb = line.split(" ")[0].toUpperCase();
            switch (verb) {
              case "EHLO" -> say(out, "250-scripted.test\r\n250-8BITMIME\r\n250 AUTH " + auth);
              case "AUTH" -> say(out, "235 2.7.0 ok");
              case "QUIT" -> {
                say(out, "221 bye");
                return;
              }
              default -> say(out, "250 ok");
            }
          }
        });
  }

  /**
   * What a scripted server does with an AUTH line; it may read the client's further lines itself.
   */
  private interface AuthStep {
    void answer(String authLine, BufferedReader in, OutputStream out) throws Exception;
  }

  /**
   * A plain-text server on loopback that offers {@code mechanism} and leaves AUTH to {@code auth};
   * 250 to the rest.
   */
  private static ScriptedServer authenticating(String mechanism, AuthStep auth) throws Exception {
    return new ScriptedServer(
        (in, out, socket) -> {
          say(out, "220 scripted.test ESMTP");
          String line;
          while ((line = in.readLine()) != null) {
            String verb = line.split(" ")[0].toUpperCase();
            switch (verb) {
              case "EHLO" -> say(out, "250-scripted.test\r\n250 AUTH " + mechanism);
              case "AUTH" -> auth.answer(line, in, out);
              case "QUIT" -> {
                say(out, "221 bye");
                return;
              }
              default -> say(out, "250 ok");
            }
          }
        });
  }

  private static boolean sawAuth(List<String> lines) {
    return lines.stream().anyMatch(l -> l.toUpperCase().startsWith("AUTH"));
  }

  @Test
  void aPasswordFromTheEnvironmentGoesOnlyToAnAllowedHost() throws Exception {
    Map<String, String> env = Map.of("SMTP_PASSWORD", PASSWORD);
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = recording(lines, "PLAIN")) {
      Path file = config(dir, "localhost", server.port(), "PLAIN", "");
      Probed refused = probeWith(env, file, "--password-env", "SMTP_PASSWORD");
      assertEquals(
          "/email.smtp/host", refused.finding("probe-host-not-allowed").get("pointer").asString());
      assertEquals("error", refused.finding("probe-host-not-allowed").get("severity").asString());
      String why = refused.finding("probe-host-not-allowed").get("message").asString();
      assertTrue(
          why.contains("\"localhost\" is not a host") && why.contains("--allow-host localhost"),
          why);
      assertFalse(
          refused.rules().contains("probe-plaintext-auth"),
          "not Go's plaintext refusal: " + refused.rules());
      assertEquals(1, refused.code());
      assertFalse(sawAuth(lines), lines.toString());
      Probed otherHost =
          probeWith(env, file, "--password-env", "SMTP_PASSWORD", "--allow-host", "smtp.acme.io");
      assertTrue(
          otherHost.rules().contains("probe-host-not-allowed"), otherHost.rules().toString());
      assertFalse(sawAuth(lines), lines.toString());

      Probed allowed =
          probeWith(env, file, "--password-env", "SMTP_PASSWORD", "--allow-host", "LOCALHOST.");
      assertTrue(allowed.ok(), allowed.file().toString());
      assertTrue(sawAuth(lines));
      lines.clear();
      Probed fromEnvironment =
          probeWith(
              Map.of("SMTP_PASSWORD", PASSWORD, "SMTPLINT_ALLOW_HOSTS", "a.io, localhost"),
              file,
              "--password-env",
              "SMTP_PASSWORD");
      assertTrue(fromEnvironment.ok(), fromEnvironment.file().toString());
      assertTrue(sawAuth(lines));
      // A password written in the file came with the file: it needs no allowing.
      lines.clear();
      assertTrue(probe(file).ok());
      assertTrue(sawAuth(lines));
    }
  }

  @Test
  void theWireCarriesUtf8AsGoWritesIt() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = recording(lines, "PLAIN")) {
      // ľ, Ġ and ļ are U+013E, U+0120 and U+013C: their low bytes are '>', ' ' and '<'.
      String address = "sg\u013e\u0120SIZE=1\u0120X=\u013c@acme.io";
      Path file =
          config(dir, "localhost", server.port(), "none", ", \"domain\": \"sg.acme.io\u0120SIZE\"");
      Files.writeString(file, Files.readString(file).replace("sourcegraph@acme.io", address));
      Run run =
          Run.withInput(
              "",
              Map.of(),
              "lint",
              "--probe",
              "--timeout",
              "2",
              "--disable",
              "from-address-invalid,helo-domain-invalid",
              "--format",
              "json",
              file.toString());
      assertEquals("", run.err(), "nothing on standard error, not even a library's log line");
      String utf8 =
          new String(address.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      assertTrue(lines.contains("MAIL FROM:<" + utf8 + "> BODY=8BITMIME"), lines.toString());
      assertTrue(
          lines.contains(
              "EHLO "
                  + new String(
                      "sg.acme.io\u0120SIZE".getBytes(StandardCharsets.UTF_8),
                      StandardCharsets.ISO_8859_1)),
          lines.toString());
      assertTrue(
          lines.stream().noneMatch(l -> l.contains("> SIZE=1") || l.contains("acme.io SIZE")),
          lines.toString());
    }
  }

  @Test
  void lineBreaksAreRefusedByTheClientAndSaidSo() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = recording(lines, "PLAIN")) {
      Path domain =
          config(
              dir,
              "localhost",
              server.port(),
              "none",
              ", \"domain\": \"sg.acme.io\\r\\nMAIL FROM:<x@y>\"");
      Probed p = probe(domain, "--disable", "header-injection,helo-domain-invalid");
      String message = p.finding("probe-ehlo").get("message").asString();
      assertTrue(
          message.contains("refuses to send it") && message.contains("server was not asked"),
          message);
      assertEquals("/email.smtp/domain", p.finding("probe-ehlo").get("pointer").asString());
      assertTrue(
          lines.stream().noneMatch(l -> l.startsWith("EHLO") || l.startsWith("MAIL")),
          lines.toString());

      Path address = config(dir, "localhost", server.port(), "none", "");
      Files.writeString(
          address,
          Files.readString(address)
              .replace("sourcegraph@acme.io", "sourcegraph@acme.io\\r\\nRCPT TO:<x@y>"));
      Probed q = probe(address, "--disable", "header-injection,from-address-invalid");
      String m = q.finding("probe-sender-rejected").get("message").asString();
      assertTrue(m.contains("refuses to send it"), m);
      assertTrue(
          lines.stream().noneMatch(l -> l.startsWith("MAIL") || l.startsWith("RCPT")),
          lines.toString());
    }
  }

  @Test
  void cramMd5AnswersEveryChallengeAsGoDoes() throws Exception {
    List<String> responses = new CopyOnWriteArrayList<>();
    String[] challenges = {"<1.1@scripted.test>", "<2.2@scripted.test>"};
    try (ScriptedServer server =
        authenticating(
            "CRAM-MD5",
            (authLine, in, out) -> {
              say(out, "334 " + b64(challenges[0]));
              responses.add(in.readLine());
              say(out, "334 " + b64(challenges[1]));
              responses.add(in.readLine());
              say(out, "235 2.7.0 ok");
            })) {
      Probed p = probe(config(dir, "localhost", server.port(), "CRAM-MD5", ""));
      assertTrue(p.ok(), p.file().toString());
      assertEquals(0, p.code());
      assertEquals(
          List.of(b64(cram(challenges[0])), b64(cram(challenges[1]))),
          responses.subList(0, 2),
          "the probe runs twice");
    }
  }

  @Test
  void aServerThatEchoesTheAuthLineGetsNothingPrinted() throws Exception {
    for (String mechanism : new String[] {"PLAIN", "CRAM-MD5"}) {
      try (ScriptedServer server =
          authenticating(
              mechanism,
              (authLine, in, out) -> {
                if (authLine.startsWith("AUTH CRAM-MD5")) {
                  say(out, "334 " + b64("<3.3@scripted.test>"));
                  String response = in.readLine();
                  say(
                      out,
                      "535 5.7.8 authentication failed for "
                          + response
                          + " i.e. "
                          + new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8)
                          + " ("
                          + PASSWORD
                          + ")");
                } else {
                  say(
                      out,
                      "535 5.7.8 authentication failed for " + authLine + " (" + PASSWORD + ")");
                }
              })) {
        Path file = config(dir, "localhost", server.port(), mechanism, "");
        List<String> outputs = new ArrayList<>();
        for (String format : Run.FORMATS) {
          Run run =
              Run.withInput(
                  "",
                  Map.of(),
                  "lint",
                  "--probe",
                  "--timeout",
                  "2",
                  "--verbose",
                  "--format",
                  format,
                  file.toString());
          assertEquals(1, run.code(), run.all());
          assertTrue(run.all().contains("535 5.7.8 authentication failed for"), run.all());
          outputs.add(run.all());
        }
        String blob =
            Base64.getEncoder()
                .encodeToString(
                    ("\0" + "sourcegraph" + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String output : outputs) {
          assertFalse(
              output.contains(PASSWORD)
                  || output.contains(blob)
                  || output.contains(b64(cram("<3.3@scripted.test>")))
                  || output.contains(cram("<3.3@scripted.test>")),
              output);
        }
      }
    }
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String cram(String challenge) throws Exception {
    Mac mac = Mac.getInstance("HmacMD5");
    mac.init(new SecretKeySpec(PASSWORD.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
    StringBuilder hex = new StringBuilder("sourcegraph ");
    for (byte b : mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
