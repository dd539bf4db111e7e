package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Suggestions;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

final class HeaderInvalidRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "header-invalid",
          ERROR,
          Group.FAILS,
          "An additionalHeaders entry has an invalid header field name (printable ASCII without : or space).",
          new RuleInfo.Explanation(
              """
                  A header name is printable ASCII without spaces or colons (RFC 5322 §2.2). Sourcegraph adds the entry as \
                  written (Go's textproto leaves a name with a space or another invalid byte uncanonicalised), so the \
                  message carries a malformed header line: a parser that holds to the RFC refuses the header section \
                  (Go's own net/textproto reader: 'malformed MIME header line'), and a name with a colon is read as \
                  another header whose value starts with the rest.""",
              "\"additionalHeaders\": [{ \"key\": \"X Mailer:\", \"value\": \"sg\" }]",
              "\"additionalHeaders\": [{ \"key\": \"X-Mailer\", \"value\": \"sg\" }]",
              "Use a valid name: letters, digits and hyphens (X-Acme-Tag).",
              "RFC 5322 §2.2 (field names); Go net/textproto CanonicalMIMEHeaderKey and Reader.ReadMIMEHeader; Sourcegraph internal/txemail (m.Headers.Add)."));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    for (JsonValue.Obj header : s.headers()) {
      JsonValue.Str k = header.string("key").orElse(null);
      if (k != null && !Matchers.fieldName(k.value())) {
        out.at(
            INFO,
            k,
            "header name \""
                + Suggestions.shown(k.value())
                + "\" is not a valid header field name "
                + "(printable ASCII, no spaces or colons)");
      }
    }
  }
}
