package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.ParsedConfig;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

/**
 * Reported by the schema check: a wrong type, a value out of range, an unknown or missing property.
 */
public final class SchemaViolationRule implements FileRule {
  static final RuleInfo INFO =
      new RuleInfo(
              "schema-violation",
              ERROR,
              Group.SYNTAX,
              "The email settings break the JSON Schema (wrong type, out of range, unknown or missing property).",
              new RuleInfo.Explanation(
                  """
                      Sourcegraph validates the site configuration against its schema: the admin UI and the GraphQL \
                      API refuse to save a violation, and since 4.1 (sourcegraph#42989) a SITE_CONFIG_FILE with one \
                      stops the frontend at start (before 4.1 it loaded, the problem was shown to admins, and a value \
                      of the wrong type, "587" as a string, was not read at all).""",
                  "\"email.smtp\": {\n  \"host\": \"smtp.acme.io\",\n  \"port\": \"587\",\n  \"authentication\": \"PLAIN\"\n}",
                  "\"email.smtp\": {\n  \"host\": \"smtp.acme.io\",\n  \"port\": 587,\n  \"authentication\": \"PLAIN\"\n}",
                  "Change the value as the message says; `smtplint schema` prints the whole schema.",
                  "schema/email-settings.schema.json mirrors the email.* definitions of Sourcegraph's schema/site.schema.json; sourcegraph#42989 (4.1: SITE_CONFIG_FILE validated at load)."))
          .fixes(
              Fix.Safety.SAFE,
              "writes a port given as a string (\"587\") as a number, and noVerifyTLS given as \"true\"/\"false\" as a boolean; other violations have no fix");

  public RuleInfo info() {
    return INFO;
  }

  /**
   * A file whose top level is not an object; the schema's own violations come from the schema
   * check.
   */
  public void checkFile(ParsedConfig parsed, Reporter out) {
    if (parsed.root().isPresent() && !(parsed.root().get() instanceof JsonValue.Obj)) {
      JsonValue r = parsed.root().get();
      out.add(
          INFO,
          r.position(),
          "",
          "a site config is a JSON object, but this file holds " + r.typeName());
    }
  }

  /**
   * Safe: {@code "587"} → {@code 587} for the port, {@code "true"} → {@code true} for noVerifyTLS.
   */
  public static Optional<Fix> fix(JsonValue.Obj root, String pointer) {
    Optional<JsonValue> value = JsonValue.at(root, pointer);
    if (value.isEmpty() || !(value.get() instanceof JsonValue.Str str)) {
      return Optional.empty();
    }
    String v = str.value();
    if (pointer.equals(EmailSettings.PORT_POINTER)
        && Matchers.portDigits(v)
        && Integer.parseInt(v) <= 65535) {
      return Optional.of(
          Fix.safe(
              "write the number " + v,
              List.of(new Fix.Edit(str.span().start(), str.span().end(), v))));
    }
    if (pointer.equals(JsonValue.child(EmailSettings.SMTP_POINTER, "noVerifyTLS"))
        && (v.equals("true") || v.equals("false"))) {
      return Optional.of(
          Fix.safe(
              "write the boolean " + v,
              List.of(new Fix.Edit(str.span().start(), str.span().end(), v))));
    }
    return Optional.empty();
  }
}
