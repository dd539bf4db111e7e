package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Set;
import java.util.TreeSet;

final class ProviderAuthUnsupportedRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "provider-auth-unsupported",
          ERROR,
          Group.PROVIDER,
          "The recognised provider does not offer the configured mechanism (CRAM-MD5 on SES, Gmail, SendGrid...; PLAIN on Microsoft 365).",
          new RuleInfo.Explanation(
              """
                  Sourcegraph sends AUTH with exactly the configured mechanism (Go's net/smtp sends it whether or not the \
                  server lists it). A provider that does not offer it answers with an error such as '504 5.7.4 \
                  Unrecognized authentication type', and the send fails at 'auth'.""",
              "\"host\": \"smtp.sendgrid.net\",\n\"authentication\": \"CRAM-MD5\"",
              "\"host\": \"smtp.sendgrid.net\",\n\"authentication\": \"PLAIN\"",
              """
                  Use a mechanism the provider documents (PLAIN for most). Microsoft 365 offers only LOGIN and XOAUTH2, \
                  neither of which Sourcegraph speaks: relay through another service or an SMTP relay connector.""",
              "The providers' SMTP documentation, listed per provider in smtplint's providers.jsonc."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Provider p = Provider.of(s).orElse(null);
    Set<String> offered = p == null ? null : p.mechanisms().orElse(null);
    JsonValue.Str a = s.smtpString("authentication").orElse(null);
    if (offered == null
        || a == null
        || !AuthUnknownRule.ALLOWED.contains(a.value())
        || a.value().equals("none")
        || offered.contains(a.value())) {
      return;
    }
    out.at(
        INFO,
        a,
        p.name()
            + " does not offer AUTH "
            + a.value()
            + " (it offers "
            + String.join(", ", new TreeSet<>(offered))
            + "): "
            + (offered.contains("PLAIN")
                ? "use \"PLAIN\""
                : "Sourcegraph cannot authenticate to it; use another SMTP service or relay"));
  }
}
