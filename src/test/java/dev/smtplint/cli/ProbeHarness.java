package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.TestSmtpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs `lint --probe` through the real CLI against a server on loopback, and keeps every output for
 * the secrets check.
 */
abstract class ProbeHarness {
  static final String PASSWORD = TestSmtpServer.PASSWORD;
  static final List<String> OUTPUTS = new CopyOnWriteArrayList<>();

  /** One site config for a server on loopback. */
  static Path config(Path dir, String host, int port, String authentication, String extra)
      throws Exception {
    String credentials =
        authentication.equals("none")
            ? ""
            : ", \"username\": \"" + TestSmtpServer.USER + "\", \"password\": \"" + PASSWORD + "\"";
    Path file = Files.createTempFile(dir, "site", ".json");
    Files.writeString(
        file,
        "{\n  \"email.address\": \"sourcegraph@acme.io\",\n  \"email.smtp\": {\n    \"host\": \""
            + host
            + "\",\n    \"port\": "
            + port
            + ",\n    \"authentication\": \""
            + authentication
            + "\""
            + credentials
            + extra
            + "\n  }\n}\n");
    return file;
  }

  static Probed probe(Path config, String... extra) throws Exception {
    return probeWith(Map.of(), config, extra);
  }

  static Probed probeWith(Map<String, String> env, Path config, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("lint", "--probe", "--timeout", "1", "--format", "json"));
    args.addAll(List.of(extra));
    args.add(config.toString());
    long start = System.nanoTime();
    Run run = Run.withInput("", env, args.toArray(String[]::new));
    long ms = (System.nanoTime() - start) / 1_000_000;
    OUTPUTS.add(run.all());
    List<String> text = new ArrayList<>(args);
    text.set(text.indexOf("json"), "text");
    text.add(2, "--verbose");
    OUTPUTS.add(Run.withInput("", env, text.toArray(String[]::new)).all());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(run.out().isEmpty(), run.err());
    JsonNode file = JsonMapper.builder().build().readTree(run.out()).get("files").get(0);
    return new Probed(run.code(), file, ms);
  }

  record Probed(int code, JsonNode file, long ms) {
    boolean ok() {
      return file.get("probe").get("ok").asBoolean();
    }

    List<String> rules() {
      List<String> out = new ArrayList<>();
      file.get("findings").forEach(f -> out.add(f.get("rule").asString()));
      return out;
    }

    JsonNode finding(String rule) {
      for (JsonNode f : file.get("findings")) {
        if (f.get("rule").asString().equals(rule)) {
          return f;
        }
      }
      throw new AssertionError(rule + " not among " + rules());
    }

    /** Whether a step was not taken ("skipped": true in the JSON report). */
    boolean skipped(String name) {
      for (JsonNode s : file.get("probe").get("stages")) {
        if (s.get("stage").asString().equals(name)) {
          return s.path("skipped").asBoolean(false);
        }
      }
      return false;
    }

    String stage(String name) {
      for (JsonNode s : file.get("probe").get("stages")) {
        if (s.get("stage").asString().equals(name)) {
          return (s.get("ok").asBoolean() ? "ok: " : "failed: ") + s.get("detail").asString();
        }
      }
      return "absent";
    }
  }

  /** Neither the password nor its PLAIN blob nor any CRAM-MD5 response appears in any output. */
  static void assertNoSecretsIn(List<String> outputs, int atLeast) {
    String plainBlob =
        Base64.getEncoder()
            .encodeToString(
                ("\0" + TestSmtpServer.USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertTrue(outputs.size() >= atLeast, "outputs scanned: " + outputs.size());
    for (String output : outputs) {
      assertFalse(output.contains(PASSWORD), output);
      assertFalse(output.contains(plainBlob), output);
      for (String cram : TestSmtpServer.AUTH_LINES) {
        assertFalse(output.contains(cram), output);
      }
    }
  }
}
