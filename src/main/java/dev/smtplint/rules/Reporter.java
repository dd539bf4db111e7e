package dev.smtplint.rules;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Location;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Collects the findings of the rules run over one file (or a merged list), each located at a value
 * or a key; a finding may carry a fix, whose edits apply to the text of the file that holds the
 * value ({@link #sourceOf}).
 */
public final class Reporter {
  private final String path;
  private final Function<String, Optional<SourceFile>> sources;
  private final List<Finding> findings = new ArrayList<>();

  /**
   * No file known for any value. A class, not a lambda: file rules run on the lint path
   * (LambdaFreeTest).
   */
  private static final Function<String, Optional<SourceFile>> NO_SOURCES =
      new Function<>() {
        @Override
        public Optional<SourceFile> apply(String pointer) {
          return Optional.empty();
        }
      };

  public Reporter(String path) {
    this(path, NO_SOURCES);
  }

  /** {@code sources}: the file that supplied the value at a pointer, where the caller knows it. */
  public Reporter(String path, Function<String, Optional<SourceFile>> sources) {
    this.path = path;
    this.sources = sources;
  }

  /** A finding about a value: it points at the value's first character. */
  public void at(RuleInfo rule, JsonValue value, String message) {
    at(rule, value, message, Optional.empty());
  }

  public void at(RuleInfo rule, JsonValue value, String message, Optional<Fix> fix) {
    findings.add(
        new Finding(
            rule.id(),
            rule.severity(),
            message,
            Location.of(path, value.position(), value.end(), value.pointer()),
            fix));
  }

  /** A finding about a key (its presence, or its absence of a sibling): it points at the key. */
  public void atKey(RuleInfo rule, JsonValue.Member member, String message) {
    atKey(rule, member, message, Optional.empty());
  }

  public void atKey(RuleInfo rule, JsonValue.Member member, String message, Optional<Fix> fix) {
    findings.add(
        new Finding(
            rule.id(),
            rule.severity(),
            message,
            Location.of(path, member.keyPosition(), member.keyEnd(), member.value().pointer()),
            fix));
  }

  /**
   * A finding about a key at a severity other than the rule's own (a release whose boundary
   * smtplint's table is not certain of: a warning that says so, not an error).
   */
  public void atKey(RuleInfo rule, Severity severity, JsonValue.Member member, String message) {
    atKey(rule, severity, member, message, Optional.empty());
  }

  public void atKey(
      RuleInfo rule,
      Severity severity,
      JsonValue.Member member,
      String message,
      Optional<Fix> fix) {
    findings.add(
        new Finding(
            rule.id(),
            severity,
            message,
            Location.of(path, member.keyPosition(), member.keyEnd(), member.value().pointer()),
            fix));
  }

  public void add(RuleInfo rule, Position position, String pointer, String message) {
    add(rule, position, pointer, message, Optional.empty());
  }

  public void add(
      RuleInfo rule, Position position, String pointer, String message, Optional<Fix> fix) {
    findings.add(
        new Finding(
            rule.id(), rule.severity(), message, Location.of(path, position, pointer), fix));
  }

  /**
   * The text of the file that supplied the value at {@code pointer}, for edits that need more than
   * a value's span.
   */
  public Optional<SourceFile> sourceOf(String pointer) {
    return sources.apply(pointer);
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
