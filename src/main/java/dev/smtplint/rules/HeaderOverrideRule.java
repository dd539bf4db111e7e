package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Locale;
import java.util.Set;

final class HeaderOverrideRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "header-override",
          WARNING,
          Group.CORRECTNESS,
          "An additionalHeaders entry replaces a header Sourcegraph writes itself (From, To, Cc, Subject, Date, Message-ID).",
          new RuleInfo.Explanation(
              """
                  Sourcegraph adds each entry to the message's headers (textproto Add, under the canonical key: \
                  "message-id" is "Message-Id"), and jordan-wright/email then writes an added Reply-To, To, Cc, From, \
                  Subject, Date, Message-Id or MIME-Version in place of the one it would generate: the message is not \
                  rejected and the header is not doubled, but it is no longer the message Sourcegraph means to send \
                  (every password reset from one fixed sender, to one fixed recipient, with one subject).""",
              "\"additionalHeaders\": [{ \"key\": \"From\", \"value\": \"ceo@acme.io\" }]",
              "\"email.address\": \"sourcegraph@acme.io\",\n\"email.senderName\": \"Acme Sourcegraph\"",
              "Remove the entry; set the sender with email.address and email.senderName, and leave the rest to Sourcegraph.",
              """
                  jordan-wright/email (Email.msgHeaders: for those eight names a header present in e.Headers is kept \
                  instead of the generated one); Sourcegraph internal/txemail Send (m.Headers.Add for each \
                  additionalHeaders entry)."""));

  private static final Set<String> GENERATED =
      Set.of("from", "to", "cc", "subject", "date", "message-id");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    for (JsonValue.Obj header : s.headers()) {
      JsonValue.Str k = header.string("key").orElse(null);
      if (k != null && GENERATED.contains(k.value().toLowerCase(Locale.ROOT))) {
        out.at(
            INFO,
            k,
            "header \""
                + k.value()
                + "\" replaces the one Sourcegraph writes for every message: remove it (the sender "
                + "comes from email.address and email.senderName)");
      }
    }
  }
}
