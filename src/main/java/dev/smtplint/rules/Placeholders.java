package dev.smtplint.rules;

import java.util.Locale;
import java.util.Set;

/** Values left as documentation placeholders instead of real settings. */
final class Placeholders {
  /** The placeholders of Sourcegraph's "Configure email sending" page, verbatim. */
  static final Set<String> SOURCEGRAPH_DOCS =
      Set.of(
          "<SES SMTP username>",
          "<SES SMTP password>",
          "<YOUR SECRET>",
          "<the domain>",
          "from@domain.com",
          "test@domain.com",
          "smtp-server.example.com");

  private static final Set<String> WORDS =
      Set.of(
          "changeme",
          "change-me",
          "change_me",
          "replace_me",
          "replace-me",
          "replaceme",
          "todo",
          "fixme",
          "your-password",
          "yourpassword",
          "your_password",
          "your-secret",
          "xxx",
          "xxxx",
          "xxxxxxxx",
          "...");

  /**
   * Stock words that are no one's real SMTP password, Sourcegraph's own schema example
   * ("mypassword") among them: AUTH fails with each.
   */
  private static final Set<String> PASSWORD_WORDS =
      Set.of(
          "password",
          "mypassword",
          "my-password",
          "pass",
          "passwd",
          "passw0rd",
          "p@ssw0rd",
          "secret",
          "mysecret",
          "changeme",
          "change-me",
          "change_me",
          "xxx",
          "xxxx",
          "xxxxxxxx",
          "test",
          "admin",
          "smtp",
          "123456",
          "12345678",
          "qwerty",
          "letmein",
          "hunter2");

  private Placeholders() {}

  /** A password that is a placeholder or a stock word. */
  static boolean isPlaceholderPassword(String value) {
    return isPlaceholder(value) || PASSWORD_WORDS.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  static boolean isPlaceholder(String value) {
    String trimmed = value.trim();
    // trim() removes every character \\s matches: only a value that now starts with < and ends with
    // > can be angled.
    boolean angled =
        trimmed.length() >= 2
            && trimmed.charAt(0) == '<'
            && trimmed.charAt(trimmed.length() - 1) == '>';
    return SOURCEGRAPH_DOCS.contains(trimmed)
        || angled && Matchers.angled(trimmed)
        || WORDS.contains(trimmed.toLowerCase(Locale.ROOT));
  }
}
