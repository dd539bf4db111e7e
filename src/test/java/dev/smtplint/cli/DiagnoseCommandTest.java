package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `smtplint diagnose TEXT|-` on the command line. */
class DiagnoseCommandTest {
  static final String SES =
      "Failed to send test email: close: 554 Message rejected: Email address is not verified. "
          + "The following identities failed the check in region US-EAST-1: noreply@acme.io, look for test ID: c3d4e";

  @Test
  void explainsAPastedTextAsAFinding() {
    Run run = Run.of("diagnose", SES);
    assertEquals(1, run.code(), run.all());
    assertTrue(
        run.out()
            .startsWith(
                "error [probe-sender-rejected] at \"email.address\", failed at ending the message"),
        run.out());
    assertTrue(
        run.out().contains("\n  fix: Verify the address or its domain in the SES console"),
        run.out());
    assertTrue(run.out().contains("\n  source: Amazon SES SMTP"), run.out());
    assertTrue(run.out().contains("\n  more: smtplint explain probe-sender-rejected"), run.out());
  }

  @Test
  void readsStandardInputAndWritesJson() {
    Run run =
        Run.withInput(
            "send STARTTLS: tls: failed to verify certificate: x509: certificate signed by unknown authority\n",
            Map.of(),
            "diagnose",
            "--format",
            "json",
            "-");
    assertEquals(1, run.code(), run.all());
    JsonNode d = JsonMapper.shared().readTree(run.out()).path("diagnosis");
    assertEquals("probe-tls-certificate", d.path("rule").asString());
    assertEquals("/email.smtp/host", d.path("pointer").asString());
    assertEquals("send STARTTLS", d.path("step").asString());
    assertEquals("error", d.path("severity").asString());
  }

  @Test
  void anUnknownTextIsSaidSoWithExitZero() {
    Run run = Run.of("diagnose", "all", "good");
    assertEquals(0, run.code(), run.all());
    assertTrue(run.out().startsWith("Not a failure smtplint knows"), run.out());
    Run json = Run.of("diagnose", "--format", "json", "nothing");
    assertTrue(JsonMapper.shared().readTree(json.out()).path("diagnosis").isNull(), json.out());
  }

  /** The text is input: it is never printed back, so nothing in it reaches the terminal. */
  @Test
  void neverEchoesItsInput() {
    String hostile =
        "auth: 535 5.7.8 bad \u001b]8;;http://evil\u0007click\u001b[2J sgp_token_in_text";
    Run run = Run.of("diagnose", hostile);
    assertEquals(1, run.code(), run.all());
    assertFalse(
        run.all().contains("\u001b")
            || run.all().contains("evil")
            || run.all().contains("sgp_token_in_text"),
        run.all());
  }

  /**
   * A pasted log, line by line: each failure once, prefixes ignored, a database's dial error left
   * alone.
   */
  @Test
  void aPastedLogIsJudgedLineByLine() {
    String log =
        String.join(
            "\n",
            "t=2026-12-01T10:00:00Z lvl=eror msg=\"failed to send email: new SMTP client: dial tcp 52.1.2.3:587: i/o timeout\"",
            "t=2026-12-01T10:00:01Z lvl=eror msg=\"failed to connect to database: dial tcp 10.0.0.9:5432: connect: connection refused\"",
            "t=2026-12-01T10:00:02Z lvl=info msg=\"repo updated\"",
            "t=2026-12-01T10:00:03Z lvl=eror msg=\"auth: 534 5.7.9 Application-specific password required.\"",
            "t=2026-12-01T10:00:04Z lvl=eror msg=\"failed to send email: new SMTP client: dial tcp 52.1.2.3:587: i/o timeout\"");
    Run run = Run.withInput(log, java.util.Map.of(), "diagnose", "-");
    assertEquals(1, run.code(), run.all());
    assertEquals(2, run.out().lines().filter(l -> l.startsWith("error [")).count(), run.out());
    assertTrue(
        run.out().contains("firewall or the cluster's egress rules"),
        "a dial timeout is egress, not port 465: " + run.out());
    assertFalse(run.out().contains("465"), run.out());
    assertTrue(run.out().contains("app password"), run.out());
    Run database =
        Run.withInput(
            "lvl=eror msg=\"dial tcp 10.0.0.9:5432: connect: connection refused\"\nlvl=info msg=ok\n",
            java.util.Map.of(),
            "diagnose",
            "-");
    assertEquals(
        0, database.code(), "a Postgres dial error is not an email failure: " + database.out());
    Run json = Run.withInput(log, java.util.Map.of(), "diagnose", "--format", "json", "-");
    assertTrue(json.out().contains("\"diagnoses\":[{"), json.out());
  }
}
