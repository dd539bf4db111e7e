package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.RuleInfo;

/**
 * One check, with what a user reads about it. Rules whose findings come from elsewhere (the reader,
 * the schema check, the probe) keep the default {@link #check}: they are in the catalogue for
 * {@code rules}, {@code explain} and SARIF.
 */
public interface Rule {
  RuleInfo info();

  default void check(EmailSettings settings, Reporter out) {}
}
