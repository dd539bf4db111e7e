package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class TlsVerificationDisabledRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "tls-verification-disabled",
          WARNING,
          Group.SECURITY,
          "noVerifyTLS is true: anyone who can intercept the connection can read the SMTP password.",
          new RuleInfo.Explanation(
              """
                  With certificate checks off, the connection is still encrypted, so a passive listener sees only \
                  ciphertext; but any machine that can intercept it (a compromised router, DNS or ARP spoofing) can \
                  present its own certificate, and then reads the AUTH exchange (the PLAIN password is only base64) \
                  and every password-reset link.""",
              "\"noVerifyTLS\": true",
              "\"noVerifyTLS\": false   // and give the server a certificate for its host name",
              """
                  Give the SMTP server a valid certificate for the host name in "host" (or add the private CA to the \
                  Sourcegraph containers' trust store) and remove noVerifyTLS. Probe with --ca-file to check.""",
              "Sourcegraph internal/txemail: noVerifyTLS sets tls.Config{InsecureSkipVerify: true}."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    if (s.smtpValue("noVerifyTLS").orElse(null) instanceof JsonValue.Bool v && v.value()) {
      out.at(
          INFO,
          v,
          "\"noVerifyTLS\": true switches off certificate and host-name checks: anyone "
              + "on the path can read the SMTP password and password-reset links; fix the server's certificate instead");
    }
  }
}
