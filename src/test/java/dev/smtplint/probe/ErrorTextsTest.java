package dev.smtplint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.rules.Catalogue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of error texts behind `diagnose` and `--instance --probe`: each entry has a test.
 */
class ErrorTextsTest {

  @Test
  void everyEntryRecognisesItsOwnRealTextAndNamesARuleThatExists() {
    Set<String> names = new HashSet<>();
    for (ErrorTexts.Entry e : ErrorTexts.ENTRIES) {
      assertTrue(names.add(e.name()), "names are unique: " + e.name());
      assertTrue(Catalogue.exists(e.rule()), e.name() + ": no rule " + e.rule());
      assertFalse(e.source().isBlank() || e.meaning().isBlank() || e.fix().isBlank(), e.name());
      Optional<ErrorTexts.Match> d = ErrorTexts.diagnose(e.example());
      assertTrue(d.isPresent(), e.name() + ": its example is not recognised");
      assertEquals(
          e.name(),
          d.get().entry().name(),
          "the example of " + e.name() + " is taken by another entry");
      assertTrue(
          e.needles().stream().allMatch(n -> n.equals(n.toLowerCase(java.util.Locale.ROOT))),
          e.name() + ": needles are lower case");
    }
  }

  @Test
  void sourcegraphsStepLabelDecides() {
    // The same reply text means different things at different steps.
    assertEquals("probe-sender-rejected", rule("send MAIL: 550 5.7.1 rejected"));
    assertEquals("probe-recipient-rejected", rule("send RCPT: 550 5.7.1 rejected"));
    assertEquals("probe-data-rejected", rule("close: 550 5.7.1 rejected"));
    assertEquals("probe-ehlo", rule("send HELO: 550 5.7.1 rejected"));
    assertEquals(
        ErrorTexts.Step.STARTTLS, ErrorTexts.diagnose("send STARTTLS: EOF").orElseThrow().step());
    assertEquals("probe-starttls", rule("send STARTTLS: EOF"));
    assertEquals("probe-banner", rule("new SMTP client: EOF"));
    assertEquals("probe-data-rejected", rule("send QUIT: EOF"));
    // The sendTestEmail frame and older Sourcegraph's "mail: " are taken off; a bare Go net error
    // is a connect step.
    assertEquals(
        "probe-connect",
        rule("Failed to send test email: mail: dial tcp 10.0.0.1:25: connect: connection refused"));
    assertEquals("probe-connect", rule("dial tcp 52.1.2.3:25: i/o timeout"));
    assertEquals(
        "probe-timeout", rule("send DATA: read tcp 10.0.0.5:41000->10.0.4.7:587: i/o timeout"));
    // The certificate texts are recognised whatever the wrapping (Go before and after 1.20).
    assertEquals(
        "probe-tls-certificate",
        rule(
            "x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\")"));
    assertEquals(
        "probe-tls-certificate",
        rule("send STARTTLS: x509: certificate has expired or is not yet valid"));
  }

  @Test
  void repliesByProvider() {
    assertEquals("probe-auth-rejected", rule("auth: 535 Authentication Credentials Invalid"));
    assertTrue(
        ErrorTexts.diagnose("auth: 535 Authentication Credentials Invalid")
            .orElseThrow()
            .entry()
            .fix()
            .contains("SMTP credentials"));
    assertEquals("probe-auth-mechanism", rule("auth: 504 5.7.4 Unrecognized authentication type"));
    assertEquals("auth-unknown", rule("invalid SMTP authentication type \"LOGIN\""));
    assertEquals("auth-missing", rule("invalid SMTP authentication type \"\""));
    assertEquals("probe-recipient-rejected", rule("send RCPT: 550 5.7.1 Unable to relay"));
    // A port number is not a reply code.
    assertEquals(
        "probe-connect",
        rule("new SMTP client: dial tcp 10.0.0.1:5353: connect: connection refused"));
  }

  @Test
  void unknownTextsAreNotGuessed() {
    assertTrue(ErrorTexts.diagnose("").isEmpty());
    assertTrue(ErrorTexts.diagnose("everything is fine").isEmpty());
    assertTrue(ErrorTexts.diagnose("Failed to send test email: something new").isEmpty());
    assertTrue(
        ErrorTexts.sent(
            "Sent test email to \"a@b.io\" successfully! Please check it was received - look for test ID: 1"));
    assertFalse(ErrorTexts.sent("Failed to send test email: EOF"));
  }

  /**
   * docs/error-texts.md is generated from the catalogue; run with -Dsmtplint.regenerate=true to
   * rewrite it.
   */
  @Test
  void theDocumentIsGeneratedFromTheCatalogue() throws java.io.IOException {
    StringBuilder doc =
        new StringBuilder(
            "# Error texts smtplint explains\n\n"
                + "What `smtplint diagnose TEXT` and `lint --instance --probe` recognise in an error text from Sourcegraph "
                + "(`sendTestEmail`, its logs), Go's `net/smtp`, `net`, `crypto/tls` and `crypto/x509`, and SMTP providers. "
                + "Sourcegraph's sender wraps every failure in the step it failed at (`send STARTTLS: …`); an entry may apply "
                + "at some steps only. The first entry that matches wins.\n\n"
                + "Generated from `probe/ErrorTexts`; do not edit by hand. Regenerate with "
                + "`mvn test -Dtest=ErrorTextsTest -Dsmtplint.regenerate=true`.\n\n"
                + "| entry | steps | finding | setting | example | source |\n| --- | --- | --- | --- | --- | --- |\n");
    for (ErrorTexts.Entry e : ErrorTexts.ENTRIES) {
      String steps =
          e.steps().isEmpty()
              ? "any"
              : String.join(
                  ", ",
                  e.steps().stream()
                      .map(st -> st == ErrorTexts.Step.NONE ? "(none)" : "`" + st.label() + "`")
                      .toList());
      doc.append("| ")
          .append(e.name())
          .append(" | ")
          .append(steps)
          .append(" | `")
          .append(e.rule())
          .append("` | ")
          .append(e.pointer().isEmpty() ? "—" : "`" + e.pointer() + "`")
          .append(" | ")
          .append(e.example().replace("|", "\\|"))
          .append(" | ")
          .append(e.source().replace("|", "\\|"))
          .append(" |\n");
    }
    java.nio.file.Path file =
        java.nio.file.Path.of(System.getProperty("smtplint.root", "."))
            .resolve("docs/error-texts.md");
    if (Boolean.getBoolean("smtplint.regenerate")) {
      java.nio.file.Files.writeString(file, doc);
    }
    assertEquals(
        doc.toString(),
        java.nio.file.Files.readString(file),
        "docs/error-texts.md is stale: regenerate it");
  }

  private static String rule(String text) {
    return ErrorTexts.diagnose(text)
        .orElseThrow(() -> new AssertionError("not recognised: " + text))
        .entry()
        .rule();
  }
}
