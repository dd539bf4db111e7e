package dev.smtplint.check;

import dev.smtplint.config.Suggestions;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.rules.Catalogue;

/** The "did you mean" part of an unknown-rule message. */
final class UnknownRules {
  private UnknownRules() {}

  static String hint(String name) {
    return Suggestions.closest(name, Catalogue.infos().stream().map(RuleInfo::id).toList())
        .map(best -> "; did you mean \"" + best + "\"?").orElse(" (see `smtplint rules`)");
  }
}
