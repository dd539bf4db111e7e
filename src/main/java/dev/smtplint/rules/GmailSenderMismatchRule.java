package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Locale;

final class GmailSenderMismatchRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "gmail-sender-mismatch",
          WARNING,
          Group.PROVIDER,
          "Google SMTP (relay or smtp.gmail.com): username and email.address differ.",
          new RuleInfo.Explanation(
              """
                  Google sends as the authenticated account: smtp.gmail.com rewrites a different From to the account's \
                  address unless it is a verified 'send mail as' alias, and the relay refuses senders outside the \
                  Workspace domain. Sourcegraph's documentation says the two must match.""",
              "\"email.address\": \"noreply@acme.io\",\n\"email.smtp\": { \"host\": \"smtp-relay.gmail.com\", \"username\": \"admin@acme.io\", ... }",
              "\"email.address\": \"sourcegraph@acme.io\",\n\"email.smtp\": { \"host\": \"smtp-relay.gmail.com\", \"username\": \"sourcegraph@acme.io\", ... }",
              "Send from the account you authenticate as, or add the address as a verified alias of that account.",
              "Sourcegraph's email documentation ('make sure that test@domain.com in both places ... matches'); Google Workspace SMTP relay help."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Provider provider = Provider.of(s).orElse(null);
    JsonValue.Str u = s.smtpString("username").orElse(null);
    JsonValue.Str a = s.address().orElse(null);
    if (provider == null || !provider.sendsAsLogin() || u == null || a == null) {
      return;
    }
    if (u.value().isEmpty()
        || Placeholders.isPlaceholder(u.value())
        || RedactedValueRule.isRedacted(u)
        || a.value().isBlank()
        || Placeholders.isPlaceholder(a.value())) {
      return;
    }
    if (!a.value()
        .trim()
        .toLowerCase(Locale.ROOT)
        .equals(u.value().trim().toLowerCase(Locale.ROOT))) {
      out.at(
          INFO,
          a,
          "Google SMTP sends as the account that logs in (\"email.smtp.username\"), "
              + "but \"email.address\" is another address: Google rewrites or refuses it; use the same "
              + "address, or make it a verified alias of that account");
    }
  }
}
