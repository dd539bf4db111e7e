package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule texts that depend on other settings or on the judged release say so (#41 item 3). */
class RuleTextsTest {
  private static String lint(String config, String... release) {
    String[] args =
        release.length == 0
            ? new String[] {"lint", "--fail-on", "never", "-"}
            : new String[] {"lint", "--fail-on", "never", "--sourcegraph-version", release[0], "-"};
    return Run.withInput(config, Map.of(), args).out();
  }

  private static String smtp(String members) {
    return "{\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"smtp.acme.io\", "
        + members
        + "}}";
  }

  /**
   * Alert email on 465 fails only while noVerifyTLS is false: Sourcegraph sets Alertmanager's
   * require_tls to !noVerifyTLS, and Alertmanager v0.31 fixed STARTTLS on 465.
   */
  @Test
  void implicitTlsPortSaysWhenAlertEmailFailsToo() {
    String verified = lint(smtp("\"port\": 465, \"authentication\": \"none\""));
    assertTrue(
        verified.contains("alert emails fail too, with an Alertmanager before v0.31"), verified);
    String unverified =
        lint(smtp("\"port\": 465, \"authentication\": \"none\", \"noVerifyTLS\": true"));
    assertTrue(unverified.contains("without require_tls while noVerifyTLS is true"), unverified);
    assertFalse(unverified.contains("alert emails fail too"), unverified);
    String why = Run.of("explain", "implicit-tls-port").out();
    assertTrue(why.contains("v0.31") && why.contains("!noVerifyTLS"), why);
  }

  /** The Workspace relay's verdict is its "Allowed senders" setting. */
  @Test
  void gmailRelayMismatchNamesTheAllowedSendersSetting() {
    String out =
        lint(
            "{\"email.address\": \"sg@other.io\", \"email.smtp\": {\"host\": \"smtp-relay.gmail.com\","
                + " \"port\": 587, \"authentication\": \"PLAIN\", \"username\": \"admin@acme.io\","
                + " \"password\": \"k8#Qw2-vR5tLz-not-a-placeholder\", \"domain\": \"acme.io\"}}");
    assertTrue(out.contains("gmail-sender-mismatch"), out);
    assertTrue(out.contains("\"Allowed senders\" setting is \"Any addresses\""), out);
  }

  /** Releases up to 3.37 redact neither field; the password from 3.38, the username from 4.1. */
  @Test
  void redactedValueSaysWhetherTheJudgedReleaseRedacts() {
    String config =
        smtp(
            "\"port\": 587, \"authentication\": \"PLAIN\", \"username\": \"REDACTED\","
                + " \"password\": \"REDACTED\"");
    String old = lint(config, "3.37");
    assertTrue(
        old.contains(
            "\"email.smtp.password\" is REDACTED, which Sourcegraph 3.37 does not put there"),
        old);
    assertTrue(
        old.contains(
            "\"email.smtp.username\" is REDACTED, which Sourcegraph 3.37 does not put there"),
        old);
    String mid = lint(config, "4.0");
    assertTrue(
        mid.contains("\"email.smtp.password\" is REDACTED, the marker Sourcegraph shows"), mid);
    assertTrue(
        mid.contains(
            "\"email.smtp.username\" is REDACTED, which Sourcegraph 4.0 does not put there"),
        mid);
    String now = lint(config, "4.1");
    assertTrue(
        now.contains("\"email.smtp.username\" is REDACTED, the marker Sourcegraph shows"), now);
  }

  /** Since 4.1 a SITE_CONFIG_FILE with disableTLS stops the frontend; before, it loaded. */
  @Test
  void deprecatedSettingSaysWhatALoadedFileDoes() {
    String config = smtp("\"port\": 587, \"authentication\": \"none\", \"disableTLS\": true");
    assertTrue(lint(config).contains("stops the frontend at start"), lint(config));
    String old = lint(config, "4.0");
    assertTrue(old.contains("loads with the key ignored and TLS verified"), old);
  }

  /** MC786329: re-enabled by a tenant admin after the default; the final date comes in 2027. */
  @Test
  void office365BasicAuthSaysTheDefaultCanBeSwitchedBack() {
    String why = Run.of("explain", "office365-basic-auth").out();
    assertTrue(why.contains("second half of 2027"), why);
    assertFalse(why.contains("until 2027"), why);
  }
}
