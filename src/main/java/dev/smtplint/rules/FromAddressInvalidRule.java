package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.report.RuleInfo;

final class FromAddressInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("from-address-invalid", ERROR, Group.FAILS,
      "email.address is not a bare mailbox address; a display-name form breaks MAIL FROM.",
      new RuleInfo.Explanation(
          "Sourcegraph uses email.address as the envelope sender and builds the From header from it and "
              + "email.senderName. \"Acme <noreply@acme.io>\" is not an address: the server rejects MAIL FROM (501/553).",
          "\"email.address\": \"Acme Sourcegraph <noreply@acme.io>\"",
          "\"email.address\": \"noreply@acme.io\",\n\"email.senderName\": \"Acme Sourcegraph\"",
          "Write only the address in \"email.address\" and put the name in \"email.senderName\".",
          "Sourcegraph internal/txemail: m.From = conf.EmailAddress; schema/site.schema.json declares format \"email\"."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    s.address().filter(a -> !a.value().isBlank() && !Placeholders.isPlaceholder(a.value()))
        .filter(a -> a.value().chars().noneMatch(c -> c == '\r' || c == '\n'))
        .ifPresent(a -> Addresses.problem(a.value()).ifPresent(p ->
            out.at(INFO, a, "\"email.address\" \"" + a.value() + "\" is not a bare mailbox address: " + p)));
  }
}
