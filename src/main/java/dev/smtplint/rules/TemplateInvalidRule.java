package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.JsonValue;
import dev.smtplint.report.RuleInfo;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class TemplateInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("template-invalid", ERROR, Group.CORRECTNESS,
      "An email.templates entry lacks subject or html, has unbalanced {{ }}, or uses a variable other than .Host, .Username, .URL.",
      new RuleInfo.Explanation(
          "Sourcegraph parses custom templates with Go's text/template and html/template: a template that does not "
              + "parse is a site-config problem, and an unknown field fails at send time, so the password-reset mail is never sent.",
          "\"resetPassword\": { \"subject\": \"Reset {{.Hostname}}\", \"html\": \"<a href=\\\"{{.URL}}\\\">reset</a>\" }",
          "\"resetPassword\": { \"subject\": \"Reset your password on {{.Host}}\", \"html\": \"<a href=\\\"{{.URL}}\\\">reset</a>\" }",
          "Give each template a subject and an html body, close every {{ with }}, and use only {{.Host}}, {{.Username}} and {{.URL}}.",
          "Sourcegraph schema/site.schema.json (EmailTemplate requires subject and html; the variables are listed there); internal/txemail/siteconfig.go."));

  static final Set<String> TEMPLATES = Set.of("resetPassword", "setPassword");
  private static final Set<String> VARIABLES = Set.of("Host", "Username", "URL");
  private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern FIELD = Pattern.compile("(?<![\\w)\\]])\\.([A-Za-z_]\\w*)");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    s.root().get("email.templates").filter(JsonValue.Obj.class::isInstance).map(JsonValue.Obj.class::cast)
        .ifPresent(templates -> templates.members().stream()
            .filter(m -> TEMPLATES.contains(m.key()) && m.value() instanceof JsonValue.Obj)
            .forEach(m -> checkTemplate((JsonValue.Obj) m.value(), m, out)));
  }

  private static void checkTemplate(JsonValue.Obj template, JsonValue.Member member, Reporter out) {
    for (String required : new String[] {"subject", "html"}) {
      if (template.get(required).isEmpty()) {
        out.add(INFO, member.keyPosition(), template.pointer() + "/" + required, "template \"" + member.key() + "\" has no \"" + required + "\": Sourcegraph rejects "
            + "the template; add a \"" + required + "\" template");
      }
    }
    for (String part : new String[] {"subject", "html", "text"}) {
      template.string(part).ifPresent(v -> problem(v.value()).ifPresent(p -> out.at(INFO, v,
          "template \"" + member.key() + "." + part + "\" " + p)));
    }
  }

  static java.util.Optional<String> problem(String text) {
    int opens = count(text, "{{");
    int closes = count(text, "}}");
    if (opens != closes) {
      return java.util.Optional.of("has " + opens + " \"{{\" but " + closes + " \"}}\": Go's template parser rejects it; close every action");
    }
    Matcher action = ACTION.matcher(text);
    while (action.find()) {
      Matcher field = FIELD.matcher(action.group(1));
      while (field.find()) {
        if (!VARIABLES.contains(field.group(1))) {
          return java.util.Optional.of("uses {{." + field.group(1) + "}}, which Sourcegraph does not provide: "
              + "the mail fails at send time; use .Host, .Username or .URL");
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static int count(String text, String token) {
    int n = 0;
    for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
  }
}
