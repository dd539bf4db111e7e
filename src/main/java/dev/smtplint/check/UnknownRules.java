package dev.smtplint.check;

import dev.smtplint.config.Suggestions;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;

/** The "did you mean" part of an unknown-rule message. */
final class UnknownRules {
  private UnknownRules() {}

  static String hint(String name) {
    List<String> ids = new ArrayList<>();
    for (RuleInfo info : Catalogue.infos()) {
      ids.add(info.id());
    }
    String best = Suggestions.closest(name, ids).orElse(null);
    return best != null ? "; did you mean \"" + best + "\"?" : " (see `smtplint rules`)";
  }
}
