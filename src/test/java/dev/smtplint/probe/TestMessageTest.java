package dev.smtplint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The --to message is composed as Sourcegraph composes its mail: internal/txemail (From is Go's
 * mail.Address{Name: conf.EmailSenderName(), Address: email.address}.String(); additionalHeaders
 * added with textproto's Add) and jordan-wright/email's msgHeaders (an additional header named as a
 * generated one replaces it; Message-Id is {@code <nanos.pid.random@host>}).
 */
class TestMessageTest {
  private static ProbeSettings settings(String senderName, List<ProbeSettings.Header> headers) {
    return new ProbeSettings(
        "smtp.acme.io",
        587,
        "localhost",
        "none",
        "",
        new Secret(""),
        true,
        false,
        "sg@example.test",
        List.of("admin@acme.io"),
        Duration.ofSeconds(1),
        Optional.empty(),
        senderName,
        headers,
        false,
        GoTls.NEWEST,
        GoRoots.NONE);
  }

  @Test
  void fromCarriesTheSenderNameAsGoFormatsIt() {
    Map<String, String> cases =
        Map.of(
            "", "\"Sourcegraph\" <sg@example.test>",
            "Acme Sourcegraph", "\"Acme Sourcegraph\" <sg@example.test>",
            "Acme \"SG\" \\ Ops", "\"Acme \\\"SG\\\" \\\\ Ops\" <sg@example.test>",
            "Acmé", "=?utf-8?q?Acm=C3=A9?= <sg@example.test>",
            "Acmé, Inc.", "=?utf-8?b?QWNtw6ksIEluYy4=?= <sg@example.test>");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      assertEquals(
          List.of(c.getValue()),
          TestMessage.headers(settings(c.getKey(), List.of())).get("From"),
          "senderName " + c.getKey());
    }
    assertEquals(
        List.of("<admin@acme.io>"), TestMessage.headers(settings("", List.of())).get("To"));
    assertEquals("<\"a b\"@acme.io>", TestMessage.address("", "a b@acme.io"));
    assertEquals("<first.last@acme.io>", TestMessage.address("", "first.last@acme.io"));
  }

  @Test
  void additionalHeadersAreAddedAndReplaceTheGeneratedOnes() {
    Map<String, List<String>> h =
        TestMessage.headers(
            settings(
                "Acme",
                List.of(
                    new ProbeSettings.Header("X-SES-CONFIGURATION-SET", "transactional"),
                    new ProbeSettings.Header("x-tag", "a"),
                    new ProbeSettings.Header("X-Tag", "b"),
                    new ProbeSettings.Header("from", "Ops <ops@acme.io>"),
                    new ProbeSettings.Header("message-id", "<fixed@acme.io>"),
                    new ProbeSettings.Header("X-Note", "café"))));
    assertEquals(List.of("transactional"), h.get("X-Ses-Configuration-Set"));
    assertEquals(List.of("a", "b"), h.get("X-Tag"));
    assertEquals(List.of("Ops <ops@acme.io>"), h.get("From"));
    assertEquals(List.of("<fixed@acme.io>"), h.get("Message-Id"));
    assertEquals(List.of("=?utf-8?q?caf=C3=A9?="), h.get("X-Note"));
    assertEquals(List.of(TestMessage.SUBJECT), h.get("Subject"));
  }

  @Test
  void theMessageIdIsJordanWrightsAndTheWholeMessageParses() throws Exception {
    String id = TestMessage.headers(settings("", List.of())).get("Message-Id").get(0);
    assertTrue(id.matches("<\\d{19}\\.\\d+\\.\\d+@[^>\\s]+>"), id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TestMessage.write(
        settings("Acme Sourcegraph", List.of(new ProbeSettings.Header("X-Env", "prod"))), out);
    MimeMessage m =
        new MimeMessage(
            Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    assertEquals("\"Acme Sourcegraph\" <sg@example.test>", m.getHeader("From")[0]);
    assertEquals("prod", m.getHeader("X-Env")[0]);
    assertEquals(TestMessage.SUBJECT, m.getSubject());
    assertTrue(m.getContent().toString().contains("sent by smtplint"), m.getContent().toString());
    assertTrue(out.toString().contains("\r\n\r\n"), "headers end with an empty line");
  }
}
