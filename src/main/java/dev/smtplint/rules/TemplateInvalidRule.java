package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Suggestions;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Optional;

final class TemplateInvalidRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "template-invalid",
          ERROR,
          Group.CORRECTNESS,
          "An email.templates entry has an empty or missing subject or html, or a template that does not parse.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph validates custom templates (validateSiteConfigTemplates): a resetPassword or setPassword \
                  template whose subject or html is empty or missing, or that Go's text/template or html/template cannot \
                  parse, is a site problem. The admin UI and the GraphQL API refuse to save such a config \
                  ("email.templates.resetPassword is invalid: fields 'subject' and 'html' are required"). Since \
                  Sourcegraph 4.1 (sourcegraph#42989) a SITE_CONFIG_FILE that fails validation stops the frontend at \
                  start; before 4.1 it loaded, and the default template was sent instead of yours.""",
              "\"resetPassword\": { \"subject\": \"\", \"html\": \"<a href=\\\"{{.URL}}\\\">reset</a>\" }",
              "\"resetPassword\": { \"subject\": \"Reset your password on {{.Host}}\", \"html\": \"<a href=\\\"{{.URL}}\\\">reset</a>\" }",
              """
                  Give each template a non-empty subject and html body; close every {{ with }}, every {{if}}, {{with}} and \
                  {{range}} with {{end}}, and use only Go's builtin functions and markdownToText (subject, text) or \
                  markdownToSafeHTML (html).""",
              """
                  Sourcegraph internal/txemail/siteconfig.go (validateSiteConfigTemplates, FromSiteConfigTemplate: \
                  "fields 'subject' and 'html' are required"); internal/txemail/template.go (ParseTemplate); \
                  sourcegraph#42989 (4.1: SITE_CONFIG_FILE validated at load)."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    for (JsonValue.Member member : Templates.of(s)) {
      check(member, out);
    }
  }

  private static void check(JsonValue.Member member, Reporter out) {
    JsonValue.Obj template = (JsonValue.Obj) member.value();
    for (String required : new String[] {"subject", "html"}) {
      Optional<JsonValue.Str> value = template.string(required);
      if (template.get(required).isEmpty()) {
        out.add(
            INFO,
            member.keyPosition(),
            template.pointer() + "/" + required,
            "template \""
                + member.key()
                + "\" has no \""
                + required
                + "\": Sourcegraph refuses to save the config, and a SITE_CONFIG_FILE sends "
                + "the default template instead; add a \""
                + required
                + "\" template");
      } else if (value.isPresent() && value.get().value().isBlank()) {
        out.at(
            INFO,
            value.get(),
            "template \""
                + member.key()
                + "."
                + required
                + "\" is empty, which Sourcegraph treats "
                + "as missing: it refuses to save the config, and a SITE_CONFIG_FILE sends the default template instead");
      }
    }
    for (String part : Templates.PARTS) {
      JsonValue.Str v = template.string(part).orElse(null);
      Optional<String> p = v == null ? Optional.empty() : problem(part, v.value());
      if (p.isPresent()) {
        out.at(INFO, v, "template \"" + member.key() + "." + part + "\" " + p.get());
      }
    }
  }

  /**
   * Why Go would not parse the template, if it would not (subject and text: text/template; html:
   * html/template).
   */
  static Optional<String> problem(String part, String text) {
    Optional<String> error = Templates.parse(part, text).error();
    return error.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "does not parse as a Go template ("
                + Suggestions.shown(error.get())
                + "): Sourcegraph refuses to save the config, and a SITE_CONFIG_FILE sends the default template instead");
  }
}
