package dev.smtplint.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The units of a run, in the order the command line gives them. */
public final class UnitPlan {
  private UnitPlan() {}

  /**
   * The units in the command line's order: each --merge list, then the settings' siteConfig list
   * where one of its files is named (linted whole, once), then every other file (a file of any
   * --merge list, {@code merged}, is linted as part of it).
   */
  public static List<Unit> of(
      List<String> merges, List<Inputs.Input> inputs, Set<Path> merged, List<Path> siteConfig) {
    List<Unit> units = new ArrayList<>();
    for (String list : merges) {
      units.add(new Unit.Merge(list));
    }
    List<Unit> alone = new ArrayList<>();
    boolean listNamed = false;
    // most runs name no list: then no input's place is worked out (a batch's main thread did it
    // for every file)
    boolean lists = !siteConfig.isEmpty() || !merged.isEmpty();
    for (Inputs.Input input : inputs) {
      Path at = input.isStdin() || !lists ? null : input.path().toAbsolutePath().normalize();
      boolean inList = at != null && !siteConfig.isEmpty() && siteConfig.contains(at);
      listNamed |= inList;
      // A file of a --merge list is linted as part of it, not alone as well (a walk finds it too).
      if (!inList && (at == null || !merged.contains(at))) {
        alone.add(new Unit.File(input));
      }
    }
    if (listNamed) {
      units.add(new Unit.SiteConfig(siteConfig));
    }
    units.addAll(alone);
    return units;
  }
}
