package dev.smtplint.check;

import java.util.List;
import java.util.Optional;

/** A unit's judgement, or why it could not be read (a line on standard error, exit 2). */
public record Outcome(Optional<Judgement> judgement, List<String> errors) {
  /**
   * A walked file that is not smtplint's (a JSON file that is no site config, YAML with no
   * deployment): not linted, counted in one note.
   */
  public static final Outcome SKIPPED = new Outcome(Optional.empty(), List.of());

  public static Outcome unreadable(List<String> errors) {
    return new Outcome(Optional.empty(), errors);
  }
}
