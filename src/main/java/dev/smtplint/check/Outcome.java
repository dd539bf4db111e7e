package dev.smtplint.check;

import java.util.List;
import java.util.Optional;

/** A unit's judgement, or why it could not be read (a line on standard error, exit 2). */
public record Outcome(Optional<Judgement> judgement, List<String> errors) {
  public static Outcome unreadable(List<String> errors) {
    return new Outcome(Optional.empty(), errors);
  }
}
