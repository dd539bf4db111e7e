package dev.smtplint.check;

import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.report.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run checks: rules switched off, severities changed, the exit threshold (empty: the
 * default, error), whether the password comes from the environment, and the Sourcegraph release
 * judged for (none: the newest smtplint knows) and where that came from. Project settings and the
 * command line both build one; the command line wins.
 */
public record Settings(
    Set<String> disabled,
    Map<String, Severity> severity,
    Optional<FailOn> failOn,
    boolean passwordFromEnvironment,
    Optional<SourcegraphVersion> release,
    String releaseFrom) {
  public Settings {
    disabled = Set.copyOf(disabled);
    severity = Map.copyOf(severity);
  }

  public Settings(
      Set<String> disabled,
      Map<String, Severity> severity,
      Optional<FailOn> failOn,
      boolean passwordFromEnvironment) {
    this(disabled, severity, failOn, passwordFromEnvironment, Optional.empty(), "");
  }

  /** The same settings, judging for another release (named where it came from). */
  public Settings judgingFor(SourcegraphVersion other, String from) {
    return new Settings(
        disabled, severity, failOn, passwordFromEnvironment, Optional.of(other), from);
  }

  public static final Settings DEFAULT = new Settings(Set.of(), Map.of(), Optional.empty(), false);
}
