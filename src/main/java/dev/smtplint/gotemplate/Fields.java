package dev.smtplint.gotemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The walk over the data a template reads: which fields of the root data it names. "." is the root
 * data until a {{with}} or {{range}} body moves it; {@code $} is the root everywhere.
 */
final class Fields {
  private final List<String> root = new ArrayList<>();

  /** How many {{with}} or {{range}} bodies enclose this point. */
  private int dotMoves;

  void dotMoved(boolean moved) {
    dotMoves += moved ? 1 : 0;
  }

  void dotRestored(boolean moved) {
    dotMoves -= moved ? 1 : 0;
  }

  /** {@code .Field}: a field of the root data only where "." is still the root. */
  void fromDot(String field) {
    if (dotMoves == 0) {
      root.add(field);
    }
  }

  /** {@code $.Field}: always a field of the root data. */
  void fromRoot(String field) {
    root.add(field);
  }

  List<String> root() {
    return List.copyOf(root);
  }
}
