package dev.smtplint.rules;

import dev.smtplint.report.Fix;
import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.report.RuleInfo;

/** Reported by the schema check: a wrong type, a value out of range, an unknown or missing property. */
final class SchemaViolationRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("schema-violation", ERROR, Group.SYNTAX,
      "The email settings break the JSON Schema (wrong type, out of range, unknown or missing property).",
      new RuleInfo.Explanation(
          "Sourcegraph validates the site configuration against its schema and reports violations as "
              + "problems; a value of the wrong type (\"587\" as a string) is not read at all.",
          "\"email.smtp\": {\n  \"host\": \"smtp.acme.io\",\n  \"port\": \"587\",\n  \"authentication\": \"PLAIN\"\n}",
          "\"email.smtp\": {\n  \"host\": \"smtp.acme.io\",\n  \"port\": 587,\n  \"authentication\": \"PLAIN\"\n}",
          "Change the value as the message says; `smtplint schema` prints the whole schema.",
          "schema/email-settings.schema.json mirrors the email.* definitions of Sourcegraph's schema/site.schema.json."))
      .fixes(Fix.Safety.SAFE, "writes a port given as a string (\"587\") as a number, and noVerifyTLS given as \"true\"/\"false\" as a boolean; other violations have no fix");

  public RuleInfo info() {
    return INFO;
  }
}
