package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class CredentialsMissingRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "credentials-missing",
          ERROR,
          Group.FAILS,
          "PLAIN or CRAM-MD5 without a username or a password.",
          new RuleInfo.Explanation(
              """
                  With PLAIN or CRAM-MD5 Sourcegraph authenticates with whatever is set; an empty username or \
                  password is sent as such and the server answers 535 authentication failed.""",
              "\"authentication\": \"PLAIN\",\n\"username\": \"sourcegraph\"",
              "\"authentication\": \"PLAIN\",\n\"username\": \"sourcegraph\",\n\"password\": \"...\"",
              "Add the missing username or password, or use \"none\" if the server needs no authentication.",
              "Sourcegraph internal/txemail: smtp.PlainAuth / smtp.CRAMMD5Auth with conf.EmailSmtp.Username and Password."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    if (!s.authenticates()) {
      return;
    }
    List<String> missing = new ArrayList<>();
    if (blank(s, "username")) {
      missing.add("username");
    }
    if (blank(s, "password") && !s.options().passwordFromEnvironment()) {
      missing.add("password");
    }
    if (!missing.isEmpty()) {
      JsonValue.Str auth = s.smtpString("authentication").orElseThrow();
      out.at(
          INFO,
          auth,
          "authentication \""
              + auth.value()
              + "\" needs a username and a password, but "
              + String.join(" and ", missing)
              + (missing.size() > 1 ? " are" : " is")
              + " missing or empty: the server will answer 535; add "
              + String.join(" and ", missing)
              + " to \"email.smtp\", or use \"none\"");
    }
  }

  private static boolean blank(EmailSettings s, String key) {
    Optional<JsonValue.Str> value = s.smtpString(key);
    return value.isPresent() ? value.get().value().isEmpty() : s.smtpValue(key).isEmpty();
  }
}
