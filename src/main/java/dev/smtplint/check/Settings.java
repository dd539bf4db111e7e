package dev.smtplint.check;

import dev.smtplint.report.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run checks: rules switched off, severities changed, the exit threshold (empty: the
 * default, error), and whether the password comes from the environment. Project settings and the
 * command line both build one; the command line wins.
 */
public record Settings(
    Set<String> disabled,
    Map<String, Severity> severity,
    Optional<FailOn> failOn,
    boolean passwordFromEnvironment) {
  public Settings {
    disabled = Set.copyOf(disabled);
    severity = Map.copyOf(severity);
  }

  public static final Settings DEFAULT = new Settings(Set.of(), Map.of(), Optional.empty(), false);
}
