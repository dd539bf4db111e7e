package dev.smtplint.run;

import dev.smtplint.config.JsonValue;
import dev.smtplint.probe.ErrorTexts;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.rules.Catalogue;

/** A diagnosis of an error text ({@code smtplint diagnose}) as the text report writes it. */
public final class Diagnoses {
  private Diagnoses() {}

  /** The diagnosis as a finding reads: severity, rule, setting, step; meaning, fix, source. */
  public static String text(ErrorTexts.Match d) {
    ErrorTexts.Entry e = d.entry();
    RuleInfo info = Catalogue.info(e.rule());
    StringBuilder out =
        new StringBuilder(info.severity().label()).append(" [").append(e.rule()).append("]");
    if (!e.pointer().isEmpty()) {
      out.append(" at ").append(JsonValue.settingName(e.pointer()));
    }
    if (d.step() != ErrorTexts.Step.NONE) {
      out.append(", failed at ")
          .append(d.step().meaning())
          .append(" (Sourcegraph: \"")
          .append(d.step().label())
          .append("\")");
    }
    return out.append("\n  ")
        .append(e.meaning())
        .append("\n  fix: ")
        .append(e.fix())
        .append("\n  source: ")
        .append(e.source())
        .append("\n  more: smtplint explain ")
        .append(e.rule())
        .append('\n')
        .toString();
  }
}
