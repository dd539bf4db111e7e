package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.ParsedConfig;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

/** Reported by the reader: the file is not JSONC at all. */
final class InvalidJsonRule implements FileRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "invalid-json",
          ERROR,
          Group.SYNTAX,
          "The file is not valid JSONC; the position of the first fault is given.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph refuses a site configuration it cannot parse: the admin UI will not save it, and a \
                  SITE_CONFIG_FILE that does not parse stops the frontend at start (since 4.1, sourcegraph#42989; \
                  before, the frontend kept running on the configuration it had). Nothing else in the file is checked.""",
              "{\n  \"email.address\": \"noreply@acme.io\"\n  \"email.smtp\": {}\n}",
              "{\n  \"email.address\": \"noreply@acme.io\",\n  \"email.smtp\": {},\n}",
              "Fix the syntax at the reported line and column. Comments (// and /* */) and trailing commas are allowed, as in Sourcegraph.",
              "Sourcegraph parses site configuration as JSONC with github.com/sourcegraph/jsonx (comments and trailing commas allowed); sourcegraph#42989 (4.1: SITE_CONFIG_FILE validated at load)."));

  public RuleInfo info() {
    return INFO;
  }

  /**
   * The reader names the fault in its own words, never quoting a token of the input (it may be a
   * password).
   */
  public void checkFile(ParsedConfig parsed, Reporter out) {
    if (parsed.error().isPresent()) {
      out.add(INFO, parsed.error().get().position(), "", parsed.error().get().message());
    }
  }
}
