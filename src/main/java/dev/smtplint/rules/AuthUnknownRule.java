package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

final class AuthUnknownRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "auth-unknown",
              ERROR,
              Group.FAILS,
              "authentication is not exactly PLAIN, CRAM-MD5 or none (case matters).",
              new RuleInfo.Explanation(
                  """
                      Sourcegraph compares the value exactly and refuses anything else before it connects: \
                      'invalid SMTP authentication type "plain"'. LOGIN, XOAUTH2 and other mechanisms are not implemented.""",
                  "\"authentication\": \"plain\"",
                  "\"authentication\": \"PLAIN\"",
                  "Write PLAIN, CRAM-MD5 or none exactly. Go has no LOGIN: where a server lists only LOGIN, only the server can say whether it also takes PLAIN (Exchange Online answers 504 5.7.4 where it does not); --probe shows what it lists.",
                  "Sourcegraph internal/txemail Send: `switch conf.EmailSmtp.Authentication { case \"none\": case \"PLAIN\": case \"CRAM-MD5\": default: error }`."))
          .fixes(
              Fix.Safety.SAFE,
              "writes the mechanism in the case Sourcegraph compares (\"plain\" → \"PLAIN\", \"None\" → \"none\"); LOGIN and other mechanisms are left alone");

  static final List<String> ALLOWED = List.of("PLAIN", "CRAM-MD5", "none");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str a = s.smtpString("authentication").orElse(null);
    if (a != null && !ALLOWED.contains(a.value())) {
      out.at(
          INFO,
          a,
          "authentication \""
              + a.value()
              + "\" is not one of PLAIN, CRAM-MD5, none "
              + "(case matters): Sourcegraph refuses to send; "
              + advice(a.value()),
          fix(a));
    }
  }

  /** Safe: only the case differs from a mechanism Sourcegraph knows. */
  private static Optional<Fix> fix(JsonValue.Str a) {
    for (String known : ALLOWED) {
      if (known.equalsIgnoreCase(a.value().strip())) {
        return Optional.of(
            Fix.safe("write \"" + known + "\"", List.of(Edits.replace(a, Edits.quoted(known)))));
      }
    }
    return Optional.empty();
  }

  /**
   * Advice by the value as folded (upper case, no spaces, '_' as '-'): a table, not a switch on
   * strings, which a batch's C1 would compile whole (500 bytes of hash and equals for one lookup).
   */
  private static final Map<String, String> ADVICE = advice();

  private static Map<String, String> advice() {
    Map<String, String> out = new HashMap<>();
    out.put("PLAIN", "write \"PLAIN\"");
    for (String v : new String[] {"CRAM-MD5", "CRAMMD5"}) {
      out.put(v, "write \"CRAM-MD5\"");
    }
    for (String v : new String[] {"NONE", "", "NO", "FALSE", "OFF"}) {
      out.put(v, "write \"none\" (lower case) for no authentication");
    }
    out.put(
        "LOGIN",
        "Sourcegraph has no LOGIN; use \"PLAIN\", which servers offering LOGIN nearly always offer too");
    for (String v : new String[] {"XOAUTH2", "OAUTH", "OAUTH2", "OAUTHBEARER"}) {
      out.put(
          v,
          "Sourcegraph has no OAuth for SMTP; use SMTP credentials (an app password) with \"PLAIN\"");
    }
    for (String v : new String[] {"TLS", "SSL", "STARTTLS"}) {
      out.put(
          v,
          "TLS is not an authentication type (Sourcegraph uses STARTTLS by itself); use \"PLAIN\"");
    }
    return Map.copyOf(out);
  }

  static String advice(String value) {
    String folded = value.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace(" ", "");
    return ADVICE.getOrDefault(
        folded, "use \"PLAIN\" with a username and password, \"CRAM-MD5\", or \"none\"");
  }
}
