package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class PasswordInFileRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "password-in-file",
          ERROR,
          Group.SECURITY,
          "A real-looking SMTP password is stored in a file headed for version control.",
          new RuleInfo.Explanation(
              """
                  A site config in a repository is read by everyone who can read the repository and stays in its \
                  history after the password is removed; a leaked SMTP password sends spam in your name.""",
              "// config/site.json, committed\n\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, "
                  + "\"authentication\": \"PLAIN\", \"username\": \"sg\", \"password\": \"hunter2-but-longer\" }",
              "// config/secrets.json, in .gitignore: the whole \"email.smtp\" object\n"
                  + "// .smtplint.json: { \"siteConfig\": [\"config/site.json\", \"config/secrets.json\"] }\n"
                  + "// SITE_CONFIG_FILE=config/site.json:config/secrets.json for Sourcegraph",
              """
                  Move the whole "email.smtp" object into a second file that git ignores (Sourcegraph merges \
                  SITE_CONFIG_FILE files by top-level key, so the object moves as one), and list both files in \
                  .smtplint.json's "siteConfig". Where the secrets file is absent (CI, other clones) the committed file \
                  lints clean on its own; where it is present (the deploy host) the whole list is linted, and probed with \
                  --probe. The rule stays quiet for a file that git ignores or that is outside a git work tree. README, \
                  "Keeping the password out of git", has the recipe.""",
              "Sourcegraph documentation: SITE_CONFIG_FILE accepts several files, merged by top-level key."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    if (fires(s)) {
      out.at(INFO, s.smtpString("password").orElseThrow(), message(s.options().heldIn()));
    }
  }

  /**
   * Whether the settings' password looks real and sits in a file headed for version control: this
   * rule's one finding on it (secret-in-configmap then says nothing: SPEC §7).
   */
  static boolean fires(EmailSettings s) {
    JsonValue.Str p = s.smtpString("password").orElse(null);
    return p != null && realLooking(p) && s.options().versioned().getAsBoolean();
  }

  /** A value that is neither empty, a placeholder, REDACTED nor a variable reference. */
  static boolean realLooking(JsonValue.Str p) {
    return !p.value().isEmpty()
        && !Placeholders.isPlaceholderPassword(p.value())
        && !RedactedValueRule.isRedacted(p)
        && Variables.reference(p.value()).isEmpty();
  }

  /** The advice that fits where the password is kept. */
  private static String message(EmailSettings.Holder heldIn) {
    String found =
        "\"email.smtp.password\" holds what looks like a real password (value not shown) ";
    return switch (heldIn) {
      case CONFIG_MAP ->
          found
              + "in a ConfigMap in a file headed for version control: move \"email.smtp\" into a Secret"
              + " generated from a file git ignores (kustomize's secretGenerator, or kubectl create"
              + " secret --from-file), mount it beside the ConfigMap and add its path to"
              + " SITE_CONFIG_FILE";
      case SECRET ->
          found
              + "in a Secret written in a file headed for version control (base64 hides nothing):"
              + " generate the Secret from a file git ignores instead (kustomize's secretGenerator,"
              + " or kubectl create secret --from-file)";
      case FILE ->
          found
              + "in a file headed for version control: move \"email.smtp\" into a file git ignores"
              + " and list both in .smtplint.json's \"siteConfig\" (see `smtplint explain"
              + " password-in-file`)";
    };
  }
}
