package dev.smtplint.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Values left as documentation placeholders instead of real settings. */
final class Placeholders {
  /** The placeholders of Sourcegraph's "Configure email sending" page, verbatim. */
  static final Set<String> SOURCEGRAPH_DOCS = Set.of(
      "<SES SMTP username>", "<SES SMTP password>", "<YOUR SECRET>", "<the domain>",
      "from@domain.com", "test@domain.com", "smtp-server.example.com");

  private static final Set<String> WORDS = Set.of(
      "changeme", "change-me", "change_me", "replace_me", "replace-me", "replaceme", "todo", "fixme",
      "your-password", "yourpassword", "your_password", "your-secret", "xxx", "xxxx", "xxxxxxxx", "...");

  private static final Pattern ANGLE = Pattern.compile("^\\s*<[^<>@]*>\\s*$");

  private Placeholders() {}

  static boolean isPlaceholder(String value) {
    String trimmed = value.trim();
    return SOURCEGRAPH_DOCS.contains(trimmed)
        || ANGLE.matcher(trimmed).matches()
        || WORDS.contains(trimmed.toLowerCase(Locale.ROOT));
  }
}
