package dev.smtplint.rules;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Location;
import dev.smtplint.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of the rules run over one file, each located at a value or a key. */
public final class Reporter {
  private final String path;
  private final List<Finding> findings = new ArrayList<>();

  public Reporter(String path) {
    this.path = path;
  }

  /** A finding about a value: it points at the value's first character. */
  public void at(RuleInfo rule, JsonValue value, String message) {
    findings.add(new Finding(rule.id(), rule.severity(), message, Location.of(path, value.position(), value.end(), value.pointer())));
  }

  /** A finding about a key (its presence, or its absence of a sibling): it points at the key. */
  public void atKey(RuleInfo rule, JsonValue.Member member, String message) {
    findings.add(new Finding(rule.id(), rule.severity(), message,
        Location.of(path, member.keyPosition(), member.keyEnd(), member.value().pointer())));
  }

  public void add(RuleInfo rule, Position position, String pointer, String message) {
    findings.add(new Finding(rule.id(), rule.severity(), message, Location.of(path, position, pointer)));
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
