package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.TestCerts;
import dev.smtplint.probe.TestSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * --merge with --probe: a probe finding lands in the file that supplied the setting at fault, at
 * that value's line and column, whichever of the two files holds it; the probe's stages go to the
 * file that supplied email.smtp.
 */
class MergeProbeTest {
  @TempDir Path dir;

  private static final String ADDRESS = "  \"email.address\": \"sourcegraph@acme.io\",\n";

  /**
   * Two files: "first" and "second"; email.address in one (line 3, column 20) and email.smtp in the
   * other.
   */
  private Path[] split(boolean addressFirst, int port, String password) throws Exception {
    String smtp =
        "  \"email.smtp\": {\n    \"host\": \"localhost\",\n    \"port\": "
            + port
            + ",\n    \"authentication\": \"PLAIN\",\n"
            + "    \"username\": \""
            + TestSmtpServer.USER
            + "\",\n    \"password\": \""
            + password
            + "\"\n  }\n";
    String withAddress = "{\n  // the from address\n" + ADDRESS + "  \"other.setting\": true\n}\n";
    String withSmtp = "{\n  // the SMTP server\n" + smtp + "}\n";
    Path first =
        Files.writeString(
            dir.resolve("first-" + addressFirst + port + ".json"),
            addressFirst ? withAddress : withSmtp);
    Path second =
        Files.writeString(
            dir.resolve("second-" + addressFirst + port + ".json"),
            addressFirst ? withSmtp : withAddress);
    return new Path[] {first, second};
  }

  private static JsonNode run(Path[] files) {
    Run run =
        Run.withInput(
            "",
            Map.of(),
            "lint",
            "--probe",
            "--timeout",
            "2",
            "--format",
            "json",
            "--disable",
            "password-in-file",
            "--merge",
            files[0] + ":" + files[1]);
    assertEquals(1, run.code(), run.all());
    return JsonMapper.builder().build().readTree(run.out()).get("files");
  }

  /**
   * The one finding of {@code rule}, as "file:line:column pointer", and which file shows the probe.
   */
  private static String where(JsonNode files, String rule) {
    StringBuilder out = new StringBuilder();
    String probeOn = "";
    for (JsonNode file : files) {
      for (JsonNode f : file.get("findings")) {
        if (f.get("rule").asString().equals(rule)) {
          out.append(Path.of(file.get("path").asString()).getFileName())
              .append(':')
              .append(f.get("line").asInt())
              .append(':')
              .append(f.get("column").asInt())
              .append(' ')
              .append(f.get("pointer").asString());
        }
      }
      if (file.has("probe")) {
        probeOn =
            " | probe on "
                + Path.of(file.get("path").asString()).getFileName().toString().split("-")[0];
      }
    }
    return out + probeOn;
  }

  @Test
  void aRejectedSenderLandsInTheFileThatSuppliedTheAddress() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder()
            .auth("PLAIN")
            .rejectSenderAtRcpt("553 5.7.1 Sender address rejected")
            .start()) {
      for (boolean addressFirst : new boolean[] {true, false}) {
        Path[] files = split(addressFirst, server.port(), TestSmtpServer.PASSWORD);
        String expectedFile = (addressFirst ? files[0] : files[1]).getFileName().toString();
        String smtpFile = addressFirst ? "second" : "first";
        assertEquals(
            expectedFile + ":3:20 /email.address | probe on " + smtpFile,
            where(run(files), "probe-sender-rejected"));
      }
    }
  }

  @Test
  void aRejectedLoginLandsAtThePasswordInTheFileThatSuppliedEmailSmtp() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.builder().auth("PLAIN").start()) {
      for (boolean addressFirst : new boolean[] {true, false}) {
        Path[] files = split(addressFirst, server.port(), "wrong-password-here");
        String smtpFile = (addressFirst ? files[1] : files[0]).getFileName().toString();
        assertEquals(
            smtpFile
                + ":8:17 /email.smtp/password | probe on "
                + (addressFirst ? "second" : "first"),
            where(run(files), "probe-auth-rejected"));
      }
    }
  }

  @Test
  void aRefusedCertificateLandsAtTheHostInTheFileThatSuppliedEmailSmtp() throws Exception {
    TestCerts certs = new TestCerts();
    try (TestSmtpServer server =
        TestSmtpServer.builder().tls(certs.selfSigned().context()).auth("PLAIN").start()) {
      for (boolean addressFirst : new boolean[] {true, false}) {
        Path[] files = split(addressFirst, server.port(), TestSmtpServer.PASSWORD);
        String smtpFile = (addressFirst ? files[1] : files[0]).getFileName().toString();
        String where = where(run(files), "probe-tls-certificate");
        assertTrue(where.startsWith(smtpFile + ":4:13 /email.smtp/host | probe on "), where);
      }
    }
  }
}
