package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.ParsedConfig;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

/** Reported by the check when a file's bytes are not UTF-8; the rest is linted as Go reads it. */
final class InvalidEncodingRule implements FileRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "invalid-encoding",
          ERROR,
          Group.SYNTAX,
          "The file has bytes that are not UTF-8 (a Latin-1 é, a stray 0xFF); Go reads each as U+FFFD.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph reads the site config as UTF-8. Go replaces each byte that is not part of valid UTF-8 with \
                  U+FFFD, so the file loads with the value mangled: a sender name shows as "Caf\uFFFD", a password no \
                  longer matches. Files saved by an editor in Latin-1 or Windows-1252 do this.""",
              "\"email.senderName\": \"Caf\\xE9 Sourcegraph\"   (the byte 0xE9, Latin-1)",
              "\"email.senderName\": \"Café Sourcegraph\"   (the bytes 0xC3 0xA9, UTF-8)",
              "Save the file as UTF-8 (for example iconv -f latin1 -t utf-8), or write the character as \\u00e9.",
              "Go encoding/json (invalid UTF-8 in strings is replaced by U+FFFD); Sourcegraph reads SITE_CONFIG_FILE as bytes."));

  public RuleInfo info() {
    return INFO;
  }

  public void checkFile(ParsedConfig parsed, Reporter out) {
    if (parsed.source().badEncoding().isPresent()) {
      out.add(
          INFO,
          parsed.source().badEncoding().get(),
          "",
          "a byte here is not UTF-8: Sourcegraph (Go) reads it as U+FFFD, "
              + "so the value is loaded mangled; save the file as UTF-8");
    }
  }
}
