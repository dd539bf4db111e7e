package dev.smtplint.check;

import dev.smtplint.config.Suggestions;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;

/** The "did you mean" part of an unknown-rule message. */
final class UnknownRules {
  private UnknownRules() {}

  /**
   * A rule name from a comment or a settings file as a message may quote it: only when it is spelt
   * as rule ids are (lower-case letters, digits, hyphens). Anything else may be text a typo or a
   * cut left in the comment, a password's included (SPEC §10), and is not quoted.
   */
  static String quoted(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c >= 'A' && c <= 'Z')) {
        return "a rule name with characters no rule id has (not shown)";
      }
    }
    return "\"" + Suggestions.shown(name) + "\"";
  }

  static String hint(String name) {
    List<String> ids = new ArrayList<>();
    for (RuleInfo info : Catalogue.infos()) {
      ids.add(info.id());
    }
    String best = Suggestions.closest(name, ids).orElse(null);
    return best != null ? "; did you mean \"" + best + "\"?" : " (see `smtplint rules`)";
  }
}
