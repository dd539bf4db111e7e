package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

final class SettingCaseRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "setting-case",
              WARNING,
              Group.CORRECTNESS,
              "An email.* key differs from a known setting only in case (Email.Address, email.SMTP): Go reads it as that setting.",
              new RuleInfo.Explanation(
                  """
                      After the schema check, Sourcegraph decodes the site config with Go's encoding/json, which matches keys to \
                      settings ignoring case. So "email.SMTP" is read as email.smtp, although no schema or editor checks it. \
                      Where two spellings exist, the keys are applied in byte order: the one that sorts last wins (the \
                      all-lower-case spelling over any with capitals), and two objects are merged field by field.""",
                  "\"Email.Address\": \"sourcegraph@acme.io\"",
                  "\"email.address\": \"sourcegraph@acme.io\"",
                  "Write the key in its exact spelling, and keep one spelling only.",
                  """
                      Go encoding/json (Unmarshal: "preferring an exact match but also accepting a case-insensitive match"); \
                      Sourcegraph internal/conf (jsonc → map → json.Unmarshal into schema.SiteConfiguration)."""))
          .fixes(
              Fix.Safety.SAFE,
              "writes the key in Sourcegraph's spelling, when it is the only spelling in the file");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    for (JsonValue.Member m : s.written().members()) {
      String known = EmailSettings.knownSetting(m.key()).orElse(null);
      if (known != null && !known.equals(m.key())) {
        report(s, m, known, out);
        undecodable(m, known, out);
      }
    }
  }

  /**
   * A key Go reads as a setting is linted as that setting (SPEC §7): a value Go cannot decode into
   * it ("Email.SMTP": "host:587", a string where a struct belongs) is an error, not only a
   * spelling.
   */
  private static void undecodable(JsonValue.Member m, String known, Reporter out) {
    boolean object = known.equals(EmailSettings.SMTP) || known.equals(EmailSettings.TEMPLATES);
    boolean fits = object ? m.value() instanceof JsonValue.Obj : m.value() instanceof JsonValue.Str;
    if (!fits && !(m.value() instanceof JsonValue.Null)) {
      out.at(
          SchemaViolationRule.INFO,
          m.value(),
          "\""
              + m.key()
              + "\" is read as \""
              + known
              + "\", which must be "
              + (object ? "an object" : "a string")
              + ", not "
              + ("aeiou".indexOf(m.value().typeName().charAt(0)) >= 0 ? "an " : "a ")
              + m.value().typeName()
              + ": Go cannot decode it (\"json: cannot "
              + "unmarshal\"), so Sourcegraph can neither load nor save the config");
    }
  }

  private static void report(EmailSettings s, JsonValue.Member m, String known, Reporter out) {
    long spellings = 0;
    for (JsonValue.Member o : s.written().members()) {
      spellings += o.key().equalsIgnoreCase(known) ? 1 : 0;
    }
    // Safe only as the one spelling: with two, renaming one changes which value wins.
    Optional<Fix> fix = Optional.empty();
    if (spellings == 1) {
      Optional<Fix.Edit> rename = Edits.renameKey(out.sourceOf(m.value().pointer()), m, known);
      if (rename.isPresent()) {
        fix = Optional.of(Fix.safe("write it \"" + known + "\"", List.of(rename.get())));
      }
    }
    out.atKey(
        INFO,
        m,
        "\""
            + m.key()
            + "\" is read by Sourcegraph as \""
            + known
            + "\" (Go matches keys ignoring "
            + "case)"
            + (spellings > 1
                ? ", together with the other spelling: the one that sorts last wins, objects are "
                    + "merged field by field"
                : "")
            + "; write it \""
            + known
            + "\"",
        fix);
  }
}
