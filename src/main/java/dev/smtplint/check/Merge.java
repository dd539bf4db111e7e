package dev.smtplint.check;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import dev.smtplint.report.Finding;
import dev.smtplint.rules.DuplicateKeyRule;
import dev.smtplint.rules.Reporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SITE_CONFIG_FILE list as Sourcegraph loads it: each file parsed, top-level keys merged in
 * order, a later file's key replacing an earlier one whole (no deep merge). Every value keeps the
 * position it has in the file that supplied it, and the merge knows which file that was.
 */
final class Merge {
  private final Map<String, JsonValue.Member> members = new LinkedHashMap<>();
  private final Map<String, SourceFile> owners = new LinkedHashMap<>();
  private final List<Finding> overrides = new ArrayList<>();

  /**
   * The one file added, while there is one: then it supplied everything (the common case, a single
   * file).
   */
  private SourceFile only;

  private int added;

  void add(SourceFile source, JsonValue.Obj root) {
    only = added++ == 0 ? source : null;
    for (JsonValue.Member m : root.members()) {
      JsonValue.Member earlier = members.remove(m.key());
      if (earlier != null && m.key().startsWith("email.")) {
        SourceFile first = owners.get(m.key());
        Reporter out = new Reporter(source.path());
        DuplicateKeyRule.overridden(m, earlier, first.path(), out);
        overrides.addAll(out.findings());
      }
      members.put(m.key(), m);
      owners.put(m.key(), source);
    }
  }

  JsonValue.Obj root() {
    return new JsonValue.Obj(
        "", Position.START, Position.START, Span.NONE, List.copyOf(members.values()));
  }

  List<Finding> overrides() {
    return overrides;
  }

  /** Which file supplied each top-level key; {@code first} owns the rest. */
  Ownership ownership(SourceFile first) {
    return only != null ? Ownership.of(only) : Ownership.of(first, owners);
  }
}
