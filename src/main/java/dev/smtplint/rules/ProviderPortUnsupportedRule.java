package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

final class ProviderPortUnsupportedRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "provider-port-unsupported",
          WARNING,
          Group.PROVIDER,
          "The recognised provider does not listen on the configured port.",
          new RuleInfo.Explanation(
              """
                  Each provider documents a few SMTP ports; on any other the connection is refused or silently dropped \
                  by a firewall; a dropped connection leaves Sourcegraph's dial waiting until the operating system gives up \
                  (about two minutes on Linux), or 30 s since 5.6 (sourcegraph#63759).""",
              "\"host\": \"smtp.sparkpostmail.com\",\n\"port\": 25",
              "\"host\": \"smtp.sparkpostmail.com\",\n\"port\": 587",
              "Use one of the ports the provider documents (587 almost everywhere).",
              "The providers' SMTP documentation, listed per provider in smtplint's providers.jsonc; Sourcegraph internal/txemail (smtp.Dial, a 30 s dial timeout since sourcegraph#63759); Linux tcp_syn_retries (6 retries, about 127 s)."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Provider p = Provider.of(s).orElse(null);
    Integer port = s.portNumber().orElse(null);
    if (p == null || port == null || p.ports().contains(port)) {
      return;
    }
    List<String> documented = new ArrayList<>();
    for (Integer each : new TreeSet<>(p.ports())) {
      documented.add(String.valueOf(each));
    }
    out.at(
        INFO,
        s.port().orElseThrow(),
        p.name()
            + " does not listen for SMTP on port "
            + port
            + " (it documents "
            + String.join(", ", documented)
            + "): use 587");
  }
}
