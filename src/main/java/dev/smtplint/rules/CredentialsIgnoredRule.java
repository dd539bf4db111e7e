package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class CredentialsIgnoredRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "credentials-ignored",
          WARNING,
          Group.FAILS,
          "authentication is none but a username or password is set; they are not used.",
          new RuleInfo.Explanation(
              """
                  With "none" Sourcegraph never sends AUTH, so the credentials are ignored: a server that requires \
                  authentication rejects the sender (530) or relaying (554), and the stored password is only a liability.""",
              "\"authentication\": \"none\",\n\"username\": \"sourcegraph\",\n\"password\": \"...\"",
              "\"authentication\": \"PLAIN\",\n\"username\": \"sourcegraph\",\n\"password\": \"...\"",
              "Use \"PLAIN\" (or \"CRAM-MD5\") if the server needs the credentials; otherwise delete them.",
              "Sourcegraph internal/txemail: `case \"none\": // nothing to do` leaves smtpAuth nil."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    if (!s.authentication().orElse("").equals("none")) {
      return;
    }
    for (String key : new String[] {"username", "password"}) {
      JsonValue.Str v = s.smtpString(key).orElse(null);
      if (v != null && !v.value().isEmpty()) {
        out.at(
            INFO,
            v,
            "\""
                + key
                + "\" is set but authentication is \"none\", so Sourcegraph never uses it; "
                + "use \"PLAIN\" if the server needs it, or delete it");
      }
    }
  }
}
