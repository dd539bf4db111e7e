package dev.smtplint.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run's inputs grouped by the settings that govern each (SPEC §5). */
public final class SettingsBatches {
  private SettingsBatches() {}

  /** Some of the run's inputs and the settings that govern them (SPEC §5). */
  public record Governed(
      ProjectSettingsFile.Loaded loaded, List<String> merges, List<Inputs.Input> inputs) {}

  /**
   * The inputs grouped by the settings that govern them: each by its nearest .smtplint.json (a
   * --merge list by its first member), in the order the command line first names them; one group
   * when --isolated or --config settles the settings for the whole run.
   */
  public static List<Governed> of(
      Inputs.Expanded expanded,
      ProjectSettingsFile.Request settings,
      List<String> commandLineMerges) {
    if (!ProjectSettingsFile.perInput(settings)) {
      ProjectSettingsFile.Loaded loaded = ProjectSettingsFile.load(settings);
      return List.of(
          new Governed(
              loaded, commandLineMerges, notExcluded(loaded.exclude(), expanded.inputs())));
    }
    ProjectSettingsFile.Nearest nearest = new ProjectSettingsFile.Nearest(settings);
    Map<Optional<Path>, Optional<Path>> shown = new LinkedHashMap<>();
    Map<Optional<Path>, List<String>> merges = new HashMap<>();
    Map<Optional<Path>, List<Inputs.Input>> inputs = new HashMap<>();
    for (String list : commandLineMerges) {
      Optional<Path> file = nearest.forInput(Path.of(new Unit.Merge(list).first()));
      Optional<Path> key = ProjectSettingsFile.identity(file);
      shown.putIfAbsent(key, file);
      add(merges, key, list);
    }
    Optional<Path> lastFile = null;
    Optional<Path> key = null;
    for (Inputs.Input input : expanded.inputs()) {
      // standard input is governed as the file --stdin-filename says it is, if it says
      Path at =
          !input.isStdin()
              ? input.path()
              : input.display().equals("-") ? null : Path.of(input.display());
      Optional<Path> file = nearest.forInput(at);
      if (file
          != lastFile) { // a directory's files get the same answer: its identity worked out once
        key = ProjectSettingsFile.identity(file);
        lastFile = file;
        shown.putIfAbsent(key, file);
      }
      add(inputs, key, input);
    }
    if (shown.isEmpty()) {
      Optional<Path> file = nearest.forInput(null);
      shown.put(ProjectSettingsFile.identity(file), file);
    }
    List<Governed> out = new ArrayList<>();
    for (Map.Entry<Optional<Path>, Optional<Path>> e : shown.entrySet()) {
      ProjectSettingsFile.Loaded loaded = ProjectSettingsFile.load(settings, e.getValue());
      out.add(
          new Governed(
              loaded,
              merges.getOrDefault(e.getKey(), List.of()),
              notExcluded(loaded.exclude(), inputs.getOrDefault(e.getKey(), List.of()))));
    }
    return out;
  }

  /** The inputs but the walked ones the settings' {@code exclude} skips (named ones stay). */
  private static List<Inputs.Input> notExcluded(
      dev.smtplint.check.Excludes exclude, List<Inputs.Input> inputs) {
    if (exclude == dev.smtplint.check.Excludes.NONE) {
      return inputs;
    }
    List<Inputs.Input> out = new ArrayList<>();
    for (Inputs.Input input : inputs) {
      if (!input.walked() || !exclude.excludes(input.path().toAbsolutePath().normalize())) {
        out.add(input);
      }
    }
    return out;
  }

  /** Adds to the key's list (no lambda on the lint path: LambdaFreeTest). */
  private static <K, V> void add(Map<K, List<V>> lists, K key, V value) {
    List<V> list = lists.get(key);
    if (list == null) {
      list = new ArrayList<>();
      lists.put(key, list);
    }
    list.add(value);
  }

  /** The settings files' own findings (shown first in the report). */
  public static List<dev.smtplint.report.FileResult> findings(List<Governed> governed) {
    List<dev.smtplint.report.FileResult> out = new ArrayList<>();
    for (Governed g : governed) {
      if (g.loaded().findings().isPresent()) {
        out.add(g.loaded().findings().get()); // no lambda on the lint path (LambdaFreeTest)
      }
    }
    return out;
  }

  /** Every settings file's siteConfig list, one after another. */
  public static List<Path> siteConfig(List<Governed> governed) {
    List<Path> out = new ArrayList<>();
    for (Governed g : governed) {
      out.addAll(g.loaded().siteConfig());
    }
    return out;
  }
}
