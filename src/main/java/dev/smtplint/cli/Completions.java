package dev.smtplint.cli;

import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.format.Format;
import dev.smtplint.rules.Catalogue;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The values an option or parameter takes, as picocli hands them to shell completion (the bash and
 * zsh scripts of the release archive) and to nothing else: spelled as a user types them.
 */
final class Completions {
  private Completions() {}

  static final class Formats implements Iterable<String> {
    public Iterator<String> iterator() {
      return Arrays.stream(Format.Name.values())
          .map(n -> n.name().toLowerCase(Locale.ROOT))
          .iterator();
    }
  }

  static final class Levels implements Iterable<String> {
    public Iterator<String> iterator() {
      return List.of("error", "warning", "info", "never").iterator();
    }
  }

  static final class Colors implements Iterable<String> {
    public Iterator<String> iterator() {
      return List.of("auto", "always", "never").iterator();
    }
  }

  static final class Rules implements Iterable<String> {
    public Iterator<String> iterator() {
      return Catalogue.infos().stream().map(RuleInfo::id).iterator();
    }
  }
}
