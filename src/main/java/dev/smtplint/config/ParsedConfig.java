package dev.smtplint.config;

import java.util.List;
import java.util.Optional;

/**
 * A site-config file after reading: either a tree (with the duplicate keys met on the way) or the
 * syntax error that stopped the reader; and how deep its arrays and objects nest.
 */
public record ParsedConfig(
    SourceFile source,
    Optional<JsonValue> root,
    List<DuplicateKey> duplicates,
    Optional<SyntaxError> error,
    int depth) {
  /** Past this depth, the tree's walks need more than a default stack ({@link DeepStack}). */
  static final int SHALLOW = 500;

  public ParsedConfig {
    duplicates = List.copyOf(duplicates);
    if (root.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a parsed config has a tree or an error, not both");
    }
  }

  /** Whether its walks belong on a deep stack. */
  public boolean deep() {
    return depth > SHALLOW;
  }
}
