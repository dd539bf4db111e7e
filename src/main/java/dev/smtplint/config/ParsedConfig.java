package dev.smtplint.config;

import java.util.List;
import java.util.Optional;

/**
 * A site-config file after reading: either a tree (with the duplicate keys met on the way) or the
 * syntax error that stopped the reader.
 */
public record ParsedConfig(
    SourceFile source,
    Optional<JsonValue> root,
    List<DuplicateKey> duplicates,
    Optional<SyntaxError> error) {
  public ParsedConfig {
    duplicates = List.copyOf(duplicates);
    if (root.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a parsed config has a tree or an error, not both");
    }
  }
}
