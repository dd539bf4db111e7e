package dev.smtplint.check;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.SourceFile;
import dev.smtplint.report.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which file of a SITE_CONFIG_FILE list supplied each top-level setting (Sourcegraph merges the
 * list by top-level key, a later file replacing an earlier one's key whole). A JSON pointer as
 * written ({@code /email.smtp/host}) is owned by the file that supplied its first token; the empty
 * pointer and an unknown key belong to the first file. One map serves the merge's findings, the
 * rules' and the probe's.
 */
public final class Ownership {
  private final SourceFile first;
  private final Map<String, SourceFile> byKey;

  private Ownership(SourceFile first, Map<String, SourceFile> byKey) {
    this.first = first;
    this.byKey = byKey;
  }

  /** A single file owns everything. */
  static Ownership of(SourceFile only) {
    return new Ownership(only, Map.of());
  }

  /** The owners of a merged list, from its first file and each top-level key's last supplier. */
  static Ownership of(SourceFile first, Map<String, SourceFile> byKey) {
    return new Ownership(first, new LinkedHashMap<>(byKey));
  }

  /** The file that supplied the top-level key the pointer starts with. */
  public SourceFile source(String pointer) {
    if (byKey.isEmpty()) {
      return first;
    }
    List<String> tokens = JsonValue.tokens(pointer);
    return tokens.isEmpty() ? first : byKey.getOrDefault(tokens.get(0), first);
  }

  public String path(String pointer) {
    return source(pointer).path();
  }

  /** The same finding, located in the file that supplied its value. */
  Finding relocate(Finding f) {
    String owner = path(f.location().pointer());
    return owner.equals(f.location().path()) ? f : f.withLocation(f.location().in(owner));
  }
}
