package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.RuleInfo;

final class PasswordInFileRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("password-in-file", WARNING, Group.SECURITY,
      "A real-looking SMTP password is stored in a file headed for version control.",
      new RuleInfo.Explanation(
          "A site config in a repository is read by everyone who can read the repository and stays in its "
              + "history after the password is removed; a leaked SMTP password sends spam in your name.",
          "\"password\": \"hunter2-but-longer\"",
          "Keep the password in a second file outside the repository (SITE_CONFIG_FILE=site.json:secrets.json) and lint both with --merge.",
          "Move the password to a secrets file that is not committed, merged by Sourcegraph's SITE_CONFIG_FILE list. "
              + "The rule stays quiet for a file that git ignores or that is outside a git work tree: that is the "
              + "secrets file this advice asks for.",
          "Sourcegraph documentation: SITE_CONFIG_FILE accepts several files, merged by top-level key."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    s.smtpString("password")
        .filter(p -> !p.value().isEmpty() && !Placeholders.isPlaceholderPassword(p.value()) && !RedactedValueRule.isRedacted(p))
        .filter(p -> s.options().versioned().getAsBoolean())
        .ifPresent(p -> out.at(INFO, p, "\"email.smtp.password\" holds what looks like a real password (value not "
            + "shown); keep secrets out of version control: move it to a separate, uncommitted config file"));
  }
}
