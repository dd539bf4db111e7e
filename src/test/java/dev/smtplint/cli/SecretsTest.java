package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.probe.TestCerts;
import dev.smtplint.probe.TestSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output format, the probe with and without --verbose, and the error paths (wrong password,
 * refused certificate, a server that hangs up in AUTH): neither the password nor its PLAIN blob nor
 * a CRAM-MD5 response appears on stdout, stderr or in a report file.
 */
class SecretsTest extends ProbeHarness {
  @TempDir Path dir;

  @Test
  void noFormatAndNoErrorPathShowsThePassword() throws Exception {
    TestCerts certs = new TestCerts();
    List<String> outputs = new ArrayList<>();
    List<String> transcripts = new ArrayList<>();
    try (TestSmtpServer plain = TestSmtpServer.builder().auth("PLAIN").start();
        TestSmtpServer cram = TestSmtpServer.builder().auth("CRAM-MD5").start();
        TestSmtpServer selfSigned =
            TestSmtpServer.builder().tls(certs.selfSigned().context()).auth("PLAIN").start();
        var hangUp =
            new dev.smtplint.probe.ScriptedServer(
                dev.smtplint.probe.ScriptedServer.hangingUpAt("AUTH"))) {
      List<Path> configs =
          List.of(
              config(dir, "localhost", plain.port(), "PLAIN", ""),
              wrongPassword(config(dir, "localhost", plain.port(), "PLAIN", "")),
              wrongPassword(config(dir, "localhost", cram.port(), "CRAM-MD5", "")),
              config(dir, "localhost", cram.port(), "CRAM-MD5", ""),
              config(dir, "localhost", selfSigned.port(), "PLAIN", ""),
              config(dir, "localhost", hangUp.port(), "PLAIN", ""));
      int reports = 0;
      for (Path config : configs) {
        for (String format : Run.FORMATS) {
          for (boolean verbose : new boolean[] {false, true}) {
            Path report = dir.resolve("report-" + reports++);
            List<String> args =
                new ArrayList<>(
                    List.of(
                        "lint",
                        "--probe",
                        "--timeout",
                        "1",
                        "--format",
                        format,
                        "-o",
                        report.toString()));
            if (verbose) {
              args.add("--verbose");
            }
            args.add(config.toString());
            Run run = Run.withInput("", Map.of(), args.toArray(String[]::new));
            outputs.add(run.all());
            outputs.add(Files.readString(report));
          }
        }
        Run stdout =
            Run.withInput(
                "", Map.of(), "lint", "--probe", "--timeout", "1", "--verbose", config.toString());
        outputs.add(stdout.all());
        transcripts.add(stdout.out());
      }
    }
    assertEquals(6 * (5 * 2 * 2 + 1), outputs.size());
    // The secrets were really sent: each run reached AUTH, and the good ones were let in, so a
    // probe
    // that stopped short of AUTH could not pass this test by having nothing to hide.
    for (int i : new int[] {0, 1, 2, 3, 5}) {
      assertTrue(
          transcripts.get(i).contains("C: AUTH "),
          "no AUTH in run " + i + ":\n" + transcripts.get(i));
    }
    assertTrue(
        transcripts.get(0).contains("S: 235") && transcripts.get(3).contains("S: 235"),
        transcripts.get(0) + transcripts.get(3));
    assertTrue(
        transcripts.get(1).contains("S: 535") && transcripts.get(2).contains("S: 535"),
        transcripts.get(1) + transcripts.get(2));
    assertNoSecretsIn(outputs, 60);
  }

  private static Path wrongPassword(Path config) throws Exception {
    Files.writeString(config, Files.readString(config).replace(PASSWORD, PASSWORD + "-wrong"));
    return config;
  }
}
