package dev.smtplint.rules;

import dev.smtplint.report.Fix;
import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.RuleInfo;

/** Reported by the reader: one object names a key twice; the last silently wins. */
final class DuplicateKeyRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("duplicate-key", WARNING, Group.SYNTAX,
      "A key is repeated in one object (or replaced by a later file of a merge); the last one silently wins.",
      new RuleInfo.Explanation(
          "JSON decoders keep the last of two equal keys without a word. An admin who edits the first "
              + "occurrence sees no effect; in a SITE_CONFIG_FILE list a later file replaces a top-level key whole.",
          "\"email.smtp\": {\n  \"port\": 587,\n  \"host\": \"smtp.acme.io\",\n  \"port\": 465\n}",
          "\"email.smtp\": {\n  \"port\": 587,\n  \"host\": \"smtp.acme.io\"\n}",
          "Delete the occurrence you do not mean; keep exactly one.",
          "Go's encoding/json (used by Sourcegraph) keeps the last duplicate key."))
      .fixes(Fix.Safety.SAFE, "removes an earlier repeat whose value is the same as the one that wins (a scalar); different values need your choice");

  public RuleInfo info() {
    return INFO;
  }
}
