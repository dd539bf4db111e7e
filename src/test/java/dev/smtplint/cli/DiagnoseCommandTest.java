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
  static final String SES = "Failed to send test email: close: 554 Message rejected: Email address is not verified. "
      + "The following identities failed the check in region US-EAST-1: noreply@acme.io, look for test ID: c3d4e";

  @Test
  void explainsAPastedTextAsAFinding() {
    Run run = Run.of("diagnose", SES);
    assertEquals(1, run.code(), run.all());
    assertTrue(run.out().startsWith("error [probe-sender-rejected] at \"email.address\", failed at ending the message"), run.out());
    assertTrue(run.out().contains("\n  fix: Verify the address or its domain in the SES console"), run.out());
    assertTrue(run.out().contains("\n  source: Amazon SES SMTP"), run.out());
    assertTrue(run.out().contains("\n  more: smtplint explain probe-sender-rejected"), run.out());
  }

  @Test
  void readsStandardInputAndWritesJson() {
    Run run = Run.withInput("send STARTTLS: tls: failed to verify certificate: x509: certificate signed by unknown authority\n",
        Map.of(), "diagnose", "--format", "json", "-");
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
    String hostile = "auth: 535 5.7.8 bad \u001b]8;;http://evil\u0007click\u001b[2J sgp_token_in_text";
    Run run = Run.of("diagnose", hostile);
    assertEquals(1, run.code(), run.all());
    assertFalse(run.all().contains("\u001b") || run.all().contains("evil") || run.all().contains("sgp_token_in_text"), run.all());
  }
}
