package dev.smtplint.rules;

import dev.smtplint.report.Group;

import dev.smtplint.config.JsonValue;
import java.util.Optional;
import dev.smtplint.config.EmailSettings;
import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.report.RuleInfo;

final class FromAddressInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("from-address-invalid", ERROR, Group.FAILS,
      "email.address is not a bare mailbox address; a display-name form breaks MAIL FROM.",
      new RuleInfo.Explanation(
          "Sourcegraph sends email.address verbatim as the envelope sender (MAIL FROM:<Acme <noreply@acme.io>>) and "
              + "builds the From header from it and email.senderName. Gmail (555 5.5.2), Amazon SES (501) and Microsoft 365 "
              + "(501 5.1.7) reject such a MAIL FROM; a default Postfix, whose envelope parser is lenient, accepts it, but "
              + "the From header Sourcegraph builds from the value comes out malformed either way.",
          "\"email.address\": \"Acme Sourcegraph <noreply@acme.io>\"",
          "\"email.address\": \"noreply@acme.io\",\n\"email.senderName\": \"Acme Sourcegraph\"",
          "Write only the address in \"email.address\" and put the name in \"email.senderName\".",
          "Sourcegraph internal/txemail: m.From = conf.EmailAddress; schema/site.schema.json declares format \"email\"."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str a = s.address().orElse(null);
    if (a == null || a.value().isBlank() || Placeholders.isPlaceholder(a.value())
        || a.value().indexOf('\r') >= 0 || a.value().indexOf('\n') >= 0) {
      return;
    }
    Optional<String> problem = Addresses.problem(a.value());
    if (problem.isPresent()) {
      out.at(INFO, a, "\"email.address\" \"" + a.value() + "\" is not a bare mailbox address: " + problem.get());
    }
  }
}
