package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.JsonValue;
import dev.smtplint.report.RuleInfo;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

final class HeaderInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("header-invalid", ERROR, Group.FAILS,
      "An additionalHeaders entry has an invalid header name or overrides From, To, Subject, Date or Message-ID.",
      new RuleInfo.Explanation(
          "A header name is printable ASCII without spaces or colons (RFC 5322 §2.2). A name that breaks this "
              + "makes the message malformed; a second From, To, Subject, Date or Message-ID makes it a message "
              + "that receivers reject or spam-filter (RFC 5322 allows each once).",
          "\"additionalHeaders\": [{ \"key\": \"X Mailer:\", \"value\": \"sg\" }, { \"key\": \"From\", \"value\": \"ceo@acme.io\" }]",
          "\"additionalHeaders\": [{ \"key\": \"X-Mailer\", \"value\": \"sg\" }]",
          "Use a valid name (letters, digits, hyphens: X-Acme-Tag); set the sender with email.address and email.senderName.",
          "RFC 5322 §2.2 (field names) and §3.6 (fields that occur at most once)."));

  private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
  static final Set<String> RESERVED = Set.of("from", "to", "subject", "date", "message-id");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    for (JsonValue.Obj header : s.headers()) {
      header.string("key").ifPresent(k -> {
        if (!FIELD_NAME.matcher(k.value()).matches()) {
          out.at(INFO, k, "header name \"" + k.value().replace("\r", "\\r").replace("\n", "\\n")
              + "\" is not a valid header field name (printable ASCII, no spaces or colons)");
        } else if (RESERVED.contains(k.value().toLowerCase(Locale.ROOT))) {
          out.at(INFO, k, "header \"" + k.value() + "\" overrides a header Sourcegraph sets itself; the message "
              + "would carry it twice: remove it (the sender comes from email.address and email.senderName)");
        }
      });
    }
  }
}
