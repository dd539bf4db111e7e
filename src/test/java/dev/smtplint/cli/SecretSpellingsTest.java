package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password written every way an attacker or a typo would write it, parsed or not: no format, no
 * verbose or debug output, no report file shows it or any 5-character part of it.
 */
class SecretSpellingsTest {
  private static final String PASSWORD = "Zq9Hw7ntKx2V";
  private static final String NUMERIC = "84736251907";
  @TempDir Path dir;

  private static final String SMTP =
      "\"host\": \"mail.acme.io\", \"port\": 587, \"authentication\": \"PLAIN\", ";

  /** Each a whole file; the password is PASSWORD (or NUMERIC) however it is spelt. */
  private static final List<String> FILES =
      List.of(
          // not JSON: a bare token, an unterminated string, single quotes, a bare key
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"password\": "
              + PASSWORD
              + " }}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\",\n  \"password\": \""
              + PASSWORD
              + "\n}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "'username': 'u', 'password': '"
              + PASSWORD
              + "'}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "username: \"u\", password: \""
              + PASSWORD
              + "\"}}",
          "{\"email.smtp\": {\"password\": \"" + PASSWORD + "\", \"port\": 587 587}}",
          // JSON: the value on the next line, escapes, a comment before the colon, a number, equal
          // to the username
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"password\":\n  \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"password\": \""
              + PASSWORD.substring(0, 4)
              + "\\u0037"
              + PASSWORD.substring(5)
              + "\\\"\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"password\" /* prod */ : \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"password\": "
              + NUMERIC
              + "}}",
          "{\"email.address\": \"other@acme.io\", \"email.smtp\": {\"host\": \"smtp.gmail.com\", \"port\": 587, "
              + "\"authentication\": \"PLAIN\", \"username\": \""
              + PASSWORD
              + "\", \"password\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"email-smtp.us-east-1.amazonaws.com\", \"port\": 587, "
              + "\"authentication\": \"PLAIN\", \"username\": \""
              + PASSWORD
              + "\", \"password\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"smtp.sendgrid.net\", \"port\": 587, "
              + "\"authentication\": \"PLAIN\", \"username\": \""
              + PASSWORD
              + "\", \"password\": \"x\"}}",
          // trust round 3: keys Go reads as the password, misspellings, a comment on the line, an
          // array, an
          // object, the host's userinfo, a file that does not parse with the password under another
          // key
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"Password\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"pa\u017F\u017Fword\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"pasword\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"passwd\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"pwd\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"smtp_password\": \""
              + PASSWORD
              + "\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"mail.acme.io\", \"port\": 465, \"authentication\": \"plain\", "
              + "\"username\": \"u\", \"password\": \""
              + PASSWORD
              + "\" /* was "
              + PASSWORD
              + " */}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"password\": [\""
              + PASSWORD
              + "\"]}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"username\": \"u\", \"password\": {\"v\": \""
              + PASSWORD
              + "\"}}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"smtp://u:"
              + PASSWORD
              + "@mail.acme.io:587\", \"port\": 587, "
              + "\"authentication\": \"none\"}}",
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {"
              + SMTP
              + "\"token\": \""
              + PASSWORD
              + "\" \"port\": 1}}");

  @Test
  void noSpellingOfThePasswordReachesAnyOutput() throws Exception {
    List<String> outputs = new ArrayList<>();
    int n = 0;
    for (String content : FILES) {
      Path file = dir.resolve("site-" + n++ + ".json");
      Files.writeString(file, content);
      for (String format : Run.FORMATS) {
        Run run =
            Run.withInput(
                "",
                Map.of(),
                "lint",
                "--format",
                format,
                "--debug",
                "--fail-on",
                "info",
                file.toString());
        assertTrue(run.code() <= 1, format + " " + content + ": " + run.all());
        outputs.add(run.all());
        Path report = dir.resolve("report-" + n + "." + format);
        Run toFile =
            Run.withInput(
                "", Map.of(), "lint", "--format", format, "-o", report.toString(), file.toString());
        outputs.add(toFile.all() + Files.readString(report));
      }
    }
    assertTrue(
        outputs.stream().anyMatch(o -> o.matches("(?s).*\"smtplint/v1\" : \"[0-9a-f]{32}\".*")),
        "the fingerprints this test leaves out are printed as it expects");
    for (String printed : outputs) {
      // The temporary directory's name and SARIF's hex fingerprints are random digits: a 5-digit
      // part of NUMERIC turns up in them by chance (it did, once in CI), not from the password.
      String output =
          printed
              .replace(dir.toString(), "DIR")
              .replace(dir.toUri().toString(), "DIR/")
              .replaceAll("\"smtplint/v1\" : \"[0-9a-f]{32}\"", "FINGERPRINT");
      for (String secret : new String[] {PASSWORD, NUMERIC}) {
        for (int i = 0; i + 5 <= secret.length(); i++) {
          assertFalse(
              output.contains(secret.substring(i, i + 5)),
              "part " + secret.substring(i, i + 5) + " in:\n" + output);
        }
      }
      assertFalse(output.contains("\\u0037"), output);
    }
  }

  /**
   * Messages never quote a secret or a username, so no message needs masking by its text (SPEC
   * §10).
   */
  @Test
  void messagesNameNoSecretAndAreNotMaskedByText() throws Exception {
    Path file = dir.resolve("words.json");
    Files.writeString(
        file,
        """
            {"email.address": "sg@example.test", "email.smtp": {"host": "smtp.sendgrid.net", "port": 465, "authentication": "PLAIN", "username": "sg@example.test", "password": "Sourcegraph"}}""");
    Run run = Run.of("lint", file.toString());
    assertTrue(
        run.out().contains("which Sourcegraph's sender does not speak")
            || run.out().contains("Sourcegraph"),
        run.out());
    assertFalse(
        run.out().contains("which ******** does"),
        "a message masked by the password's text reveals it: " + run.out());
    assertFalse(
        run.out().contains("username \"sg@example.test\""),
        "the username is not quoted: " + run.out());
    assertTrue(run.out().contains("the username's domain is under the reserved"), run.out());

    Path ses = dir.resolve("ses.json");
    Files.writeString(
        ses,
        """
            {"email.address": "a@acme.io", "email.smtp": {"host": "email-smtp.us-east-1.amazonaws.com", "port": 587, "authentication": "PLAIN", "username": "AKIAIOSFODNN7EXAMPLE", "password": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}""");
    Run sesRun = Run.of("lint", ses.toString());
    assertTrue(sesRun.out().contains("[ses-credentials-format]"), sesRun.out());
    assertFalse(
        sesRun.out().contains("40 characters"),
        "the password's length is not told: " + sesRun.out());
  }

  @Test
  void diffMasksMistypedKeysAndComments() throws Exception {
    Path file = dir.resolve("diff.json");
    Files.writeString(
        file,
        "{\n  \"email.address\": \"a@acme.io\",\n  \"email.smtp\": {\n    \"host\": \"mail.acme.io\",\n"
            + "    \"port\": \"587\", // pasword was "
            + PASSWORD
            + "\n    \"authentication\": \"plain\",\n    \"username\": \"u\",\n"
            + "    \"pasword\": \""
            + PASSWORD
            + "\"\n  }\n}\n");
    Run run = Run.of("lint", "--diff", file.toString());
    assertTrue(run.out().contains("+    \"authentication\": \"PLAIN\","), run.out());
    assertFalse(run.out().contains(PASSWORD.substring(0, 5)), run.out());
  }

  @Test
  void syntaxErrorsNameTheFaultNotTheToken() throws Exception {
    Path file = dir.resolve("bare.json");
    Files.writeString(file, FILES.get(0));
    Run run = Run.of("lint", file.toString());
    assertTrue(run.out().contains("[invalid-json] a bare word where a value belongs"), run.out());
    assertTrue(run.out().contains("\"password\": ********"), run.out());
  }
}
