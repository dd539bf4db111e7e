package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

final class AuthMissingRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "auth-missing",
              ERROR,
              Group.FAILS,
              "authentication is absent; despite the documented PLAIN default, Sourcegraph refuses to send.",
              new RuleInfo.Explanation(
                  """
                      The documentation calls PLAIN the default, but the schema requires the key, and the sender \
                      switches on the raw value, where an absent value is "". Since 4.1 (sourcegraph#42989) a \
                      SITE_CONFIG_FILE without it stops the frontend at start (the schema's "required"); before, it \
                      loaded and every send failed with 'invalid SMTP authentication type ""'.""",
                  "\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"username\": \"sg\", \"password\": \"...\" }",
                  "\"email.smtp\": { \"host\": \"smtp.acme.io\", \"port\": 587, \"username\": \"sg\", \"password\": \"...\", \"authentication\": \"PLAIN\" }",
                  "Add \"authentication\": \"PLAIN\" (or \"CRAM-MD5\", or \"none\" for an open relay).",
                  "Sourcegraph internal/txemail Send (default branch of the authentication switch); schema/site.schema.json lists it as required."))
          .fixes(
              Fix.Safety.UNSAFE,
              "adds \"authentication\": \"PLAIN\" where a username and a password are written: Sourcegraph then logs in");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    // Pointer of the missing property, so that the schema's "required" finding gives way to this
    // one.
    JsonValue.Obj smtp = s.smtp().orElse(null);
    if (smtp != null && smtp.get("authentication").isEmpty()) {
      out.add(
          INFO,
          s.smtpMember().orElseThrow().keyPosition(),
          smtp.pointer() + "/authentication",
          "\"email.smtp\" has no \"authentication\": the documented PLAIN "
              + "default does not apply and Sourcegraph refuses to send ('invalid SMTP authentication type \"\"'); "
              + "add \"authentication\": \"PLAIN\"",
          fix(s, smtp, out));
    }
  }

  /**
   * Unsafe (Sourcegraph starts to authenticate): PLAIN, where a username and a password are
   * written.
   */
  private static Optional<Fix> fix(EmailSettings s, JsonValue.Obj smtp, Reporter out) {
    boolean credentials = !s.smtpText("username").isEmpty() && !s.smtpText("password").isEmpty();
    Optional<Fix.Edit> insert =
        credentials
            ? Edits.insertFirst(out.sourceOf(smtp.pointer()), smtp, "authentication", "\"PLAIN\"")
            : Optional.empty();
    return insert.isPresent()
        ? Optional.of(
            Fix.unsafe(
                "add \"authentication\": \"PLAIN\" (Sourcegraph then logs in with the credentials)",
                List.of(insert.get())))
        : Optional.empty();
  }
}
