package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Optional;

final class UnexpandedVariableRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "unexpanded-variable",
          ERROR,
          Group.FAILS,
          "A value is still a variable or template reference (${SMTP_PASSWORD}, {{ .Values.smtp.password }}), which Sourcegraph sends as written.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph reads the site config with its JSONC parser and Go's encoding/json and expands nothing: no \
                  environment variables, no Helm or Go template. A value written for a tool that was never run over the \
                  file reaches the SMTP server as the text itself: AUTH fails with 535 for "${SMTP_PASSWORD}", a host \
                  "{{ .Values.smtp.host }}" does not resolve, a sender "$SMTP_FROM" is rejected. The values of \
                  email.templates are left alone: their {{.Host}}-style fields are Go templates by design.""",
              "\"password\": \"${SMTP_PASSWORD}\",\n\"host\": \"{{ .Values.smtp.host }}\"",
              "\"password\": \"(the real password, in a file git ignores)\",\n\"host\": \"smtp.acme.io\"",
              """
                  Render the template or expand the variable before Sourcegraph reads the file (helm template, envsubst in the \
                  deploy step), or write the value itself. For the probe alone, --password-env supplies the password.""",
              """
                  Sourcegraph internal/conf (the site config is parsed with github.com/sourcegraph/jsonx and decoded with \
                  encoding/json; no expansion step); internal/txemail (email.templates are parsed with text/template and \
                  html/template)."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str password = s.smtpString("password").orElse(null);
    JsonValue.Str username = s.smtpString("username").orElse(null);
    for (JsonValue.Str v : s.strings()) {
      Optional<String> reference = Variables.reference(v.value());
      if (reference.isEmpty()
          || JsonValue.tokens(v.pointer()).get(0).equalsIgnoreCase(EmailSettings.TEMPLATES)) {
        continue;
      }
      if (v == password && s.options().passwordFromEnvironment()) {
        continue;
      }
      report(v, v == password || v == username ? "" : " (" + quoted(reference.get()) + ")", out);
    }
  }

  private static String quoted(String reference) {
    return "\"" + (reference.length() > 60 ? reference.substring(0, 57) + "..." : reference) + "\"";
  }

  /** A method of its own: the text of a rare finding (bench/README.md, fourth round). */
  private static void report(JsonValue.Str v, String shown, Reporter out) {
    out.at(
        INFO,
        v,
        JsonValue.settingName(v.pointer())
            + " is still a variable or template reference"
            + shown
            + ": Sourcegraph expands nothing in the site config and sends the text as written; put the value itself in the "
            + "file Sourcegraph loads (render or expand it in the deploy step)");
  }
}
