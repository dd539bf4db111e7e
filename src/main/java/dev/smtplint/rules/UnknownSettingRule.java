package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Suggestions;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class UnknownSettingRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "unknown-setting",
              WARNING,
              Group.CORRECTNESS,
              "An email.* key Sourcegraph does not know (email.smtps, email.sender): it is ignored silently.",
              new RuleInfo.Explanation(
                  """
                      The root of Sourcegraph's site schema has been open since January 2023 (sourcegraph#45995), so an \
                      unknown key is saved and loaded without a word, and nothing reads it: a typo in a setting name \
                      turns the setting off. (Before, the root was closed, and the key was refused at save.)""",
                  "\"email.smtps\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"PLAIN\" }",
                  "\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"PLAIN\" }",
                  "Rename the key to the setting you meant (email.address, email.senderName, email.smtp, email.templates), or delete it.",
                  "Sourcegraph schema/site.schema.json (the root object allows additional properties since sourcegraph#45995, January 2023; only these four email.* keys are defined)."))
          .fixes(
              Fix.Safety.SAFE,
              "renames the key to the one known setting it is close to, when the file does not have that setting already");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    for (JsonValue.Member m : s.written().members()) {
      if (m.key().toLowerCase(Locale.ROOT).startsWith("email.")
          && EmailSettings.knownSetting(m.key()).isEmpty()) {
        report(s, m, out);
      }
    }
  }

  private static void report(EmailSettings s, JsonValue.Member m, Reporter out) {
    String close = Suggestions.closest(m.key(), EmailSettings.KNOWN).orElse(null);
    String hint =
        close != null
            ? "; did you mean \"" + close + "\"?"
            : "; the email settings are " + String.join(", ", EmailSettings.KNOWN);
    // Safe: one close match that the file does not already have (in any case).
    Optional<Fix> fix = Optional.empty();
    if (close != null && !hasKeyIgnoringCase(s.written(), close)) {
      Optional<Fix.Edit> rename = Edits.renameKey(out.sourceOf(m.value().pointer()), m, close);
      if (rename.isPresent()) {
        fix = Optional.of(Fix.safe("rename it \"" + close + "\"", List.of(rename.get())));
      }
    }
    Releases.Holds open = Releases.holds("openRoot", s.options().release());
    if (open == Releases.Holds.YES) {
      out.atKey(
          INFO,
          m,
          "Sourcegraph has no setting \"" + Suggestions.shown(m.key()) + "\" and ignores it" + hint,
          fix);
      return;
    }
    // Before the root opened (sourcegraph#45995, early 2023) an unknown key is refused at save.
    out.atKey(
        INFO,
        open == Releases.Holds.NO ? Severity.ERROR : Severity.WARNING,
        m,
        "Sourcegraph "
            + s.options().release().orElseThrow()
            + " has no setting \""
            + Suggestions.shown(m.key())
            + "\" and "
            + (open == Releases.Holds.NO
                ? "refuses the config at save (its site schema's root is closed to unknown keys until early 2023)"
                : "refuses or ignores it (its site schema's root opened to unknown keys "
                    + Releases.fact("openRoot").arrival()
                    + ", sourcegraph#45995)")
            + hint,
        fix);
  }

  private static boolean hasKeyIgnoringCase(JsonValue.Obj object, String key) {
    for (JsonValue.Member o : object.members()) {
      if (o.key().equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }
}
