package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class HeaderInjectionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "header-injection",
          ERROR,
          Group.FAILS,
          "A CR or LF inside email.address, email.senderName, domain or a header value.",
          new RuleInfo.Explanation(
              """
                  email.address and domain end up in SMTP commands (MAIL FROM, EHLO), where Go's net/smtp refuses a \
                  line break ('smtp: A line must not contain CR or LF') and every send fails. In email.senderName or \
                  a header value no header is forged: Go's mail.Address and jordan-wright/email encode the value \
                  (=?UTF-8?q?...=0A...?=), so the message goes out with the line break and what follows garbled into \
                  the name or value.""",
              "\"email.senderName\": \"Sourcegraph\\nBcc: all@acme.io\"",
              "\"email.senderName\": \"Sourcegraph\"",
              "Remove the line break (often a pasted newline at the end of the value).",
              """
                  Go net/smtp (Client.Mail and Hello call validateLine); Go net/mail Address.String (a name with \
                  control characters is B- or Q-encoded); jordan-wright/email headerToBytes (mime.QEncoding of \
                  other header values)."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    List<JsonValue.Str> values = new ArrayList<>();
    addIfPresent(values, s.address());
    addIfPresent(values, s.senderName());
    addIfPresent(values, s.smtpString("domain"));
    for (JsonValue.Obj h : s.headers()) {
      addIfPresent(values, h.string("value"));
    }
    for (JsonValue.Str v : values) {
      if (v.value().indexOf('\r') >= 0 || v.value().indexOf('\n') >= 0) {
        report(v, out);
      }
    }
  }

  private static void report(JsonValue.Str v, Reporter out) {
    out.at(
        INFO,
        v,
        JsonValue.settingName(v.pointer())
            + " contains a line break, which ends an SMTP command or header "
            + "line early: Go's net/smtp refuses it, and in a header it would inject text; remove it");
  }

  private static void addIfPresent(List<JsonValue.Str> values, Optional<JsonValue.Str> value) {
    if (value.isPresent()) {
      values.add(value.get());
    }
  }
}
