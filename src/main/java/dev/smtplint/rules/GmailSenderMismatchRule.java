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
          "Google SMTP: email.address is not the account that logs in (smtp.gmail.com) or not in its domain (the Workspace relay).",
          new RuleInfo.Explanation(
              """
                  smtp.gmail.com sends as the authenticated account: it rewrites a different From to the account's \
                  address unless that is a verified 'send mail as' alias. What the Workspace SMTP relay accepts is its \
                  'Allowed senders' setting: 'Only registered Apps users in my domains', 'Only addresses in my domains' \
                  (the primary domain, its subdomains and the secondary domains), or 'Any addresses'. So there only an \
                  address outside the login's domain is a finding, and it goes through where the setting is 'Any \
                  addresses'. Sourcegraph's documentation says the two should match.""",
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
    String address = a.value().trim().toLowerCase(Locale.ROOT);
    String login = u.value().trim().toLowerCase(Locale.ROOT);
    if (provider.id().equals("google-relay")) {
      String domain = domainOf(address);
      if (!domain.isEmpty() && !domainOf(login).isEmpty() && !domain.equals(domainOf(login))) {
        out.at(
            INFO,
            a,
            "\"email.address\" is in another domain than the account that logs in (\"email.smtp.username\"): "
                + "Google's Workspace relay refuses it unless its \"Allowed senders\" setting is \"Any addresses\" "
                + "(\"Only addresses in my domains\" and \"Only registered Apps users\" refuse it); send from an "
                + "address in the account's domain, or set \"Allowed senders\" to \"Any addresses\"");
      }
      return;
    }
    if (!address.equals(login)) {
      out.at(
          INFO,
          a,
          "Google SMTP sends as the account that logs in (\"email.smtp.username\"), "
              + "but \"email.address\" is another address: Google rewrites or refuses it; use the same "
              + "address, or make it a verified alias of that account");
    }
  }

  private static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1);
  }
}
