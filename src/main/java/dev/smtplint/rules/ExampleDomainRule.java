package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Optional;

final class ExampleDomainRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "example-domain",
          WARNING,
          Group.CORRECTNESS,
          "A reserved example name (example.com, *.test, *.invalid, ...) in the host or an address.",
          new RuleInfo.Explanation(
              """
                  RFC 2606 and RFC 6761 reserve example.com, example.net, example.org and the .example, .test, .invalid \
                  and .localhost domains: they never reach a real mail system. Fine in a test setup, never in production.""",
              "\"email.address\": \"noreply@sourcegraph.example.com\"",
              "\"email.address\": \"noreply@sourcegraph.acme.io\"",
              "Use your organisation's real domain; disable the rule for files that are test fixtures.",
              "RFC 2606 §2-3, RFC 6761 §6."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str host = s.smtpString("host").orElse(null);
    if (host != null) {
      flag(out, host, Optional.of(host.value()), "host");
    }
    JsonValue.Str address = s.address().orElse(null);
    if (address != null) {
      flag(out, address, Addresses.domain(address.value()), "\"email.address\"");
    }
    JsonValue.Str username = s.smtpString("username").orElse(null);
    if (username != null) {
      flag(out, username, Addresses.domain(username.value()), "username");
    }
  }

  private static void flag(
      Reporter out, JsonValue.Str value, Optional<String> domain, String what) {
    if (Placeholders.isPlaceholder(value.value())) {
      return;
    }
    String reserved = domain.isPresent() ? Hosts.reservedExample(domain.get()).orElse(null) : null;
    if (reserved != null) {
      // A username is never quoted (SPEC §10): its domain, a reserved name, is enough to act on.
      String shown =
          what.equals("username") ? "the username's domain" : what + " \"" + value.value() + "\"";
      out.at(
          INFO,
          value,
          shown
              + " is under "
              + (reserved.startsWith(".")
                  ? "the reserved top-level domain \""
                  : "the reserved example domain \"")
              + reserved
              + "\", which no real mail system serves: use your real domain");
    }
  }
}
