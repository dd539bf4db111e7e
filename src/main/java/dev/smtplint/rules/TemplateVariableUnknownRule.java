package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Suggestions;
import dev.smtplint.gotemplate.GoTemplate;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Optional;

final class TemplateVariableUnknownRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "template-variable-unknown",
          ERROR,
          Group.CORRECTNESS,
          "A template uses a variable other than .Host, .Username and .URL: it parses, and the send then fails.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph executes custom templates with a struct that has the fields Host, Username and URL. Any other \
                  field parses, so the config is saved, and then fails when the template is executed: the password-reset \
                  or invitation mail is never sent.""",
              "\"subject\": \"Reset your password on {{.Hostname}}\"",
              "\"subject\": \"Reset your password on {{.Host}}\"",
              "Use only {{.Host}}, {{.Username}} and {{.URL}}.",
              """
                  Sourcegraph schema/site.schema.json ("Available template variables: {{.Host}}, {{.Username}}, {{.URL}}"); \
                  Go text/template (executing a missing field of a struct is an error)."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    for (JsonValue.Member member : Templates.of(s)) {
      JsonValue.Obj template = (JsonValue.Obj) member.value();
      for (String part : Templates.PARTS) {
        JsonValue.Str v = template.string(part).orElse(null);
        String f = v == null ? null : unknownField(part, v.value()).orElse(null);
        if (f != null) {
          String close = Suggestions.closest(f, Templates.VARIABLES).orElse(null);
          out.at(
              INFO,
              v,
              "template \""
                  + member.key()
                  + "."
                  + part
                  + "\" uses {{."
                  + Suggestions.shown(f)
                  + "}}, which Sourcegraph does not provide: the mail fails when it is sent"
                  + (close != null
                      ? "; did you mean {{." + close + "}}?"
                      : "; use .Host, .Username or .URL"));
        }
      }
    }
  }

  /**
   * The first field of the root data that Sourcegraph does not provide; none when the template does
   * not parse (template-invalid's).
   */
  private static Optional<String> unknownField(String part, String text) {
    GoTemplate.Parsed parsed = Templates.parse(part, text);
    if (parsed.error().isEmpty()) {
      for (String f : parsed.rootFields()) {
        if (!Templates.VARIABLES.contains(f)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }
}
