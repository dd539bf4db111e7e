package dev.smtplint.deploy;

import dev.smtplint.manifest.Embedded;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The site configs of a run that live inside YAML files, by the name the linter knows each by
 * ("deploy/sg.yaml › ConfigMap/frontend-config-files site.json"): whether the file that holds one
 * is headed for version control is its YAML file's answer, and a ConfigMap's value is plain text to
 * anyone who may read ConfigMaps (secret-in-configmap). Filled as manifests are read.
 */
public final class ManifestSources {
  /** Between the YAML file's name and the object's in a config's name; no path spells it. */
  static final String INSIDE = " \u203A ";

  private final Map<String, Embedded> byName = new ConcurrentHashMap<>();

  /** The releases a frontend image's tag made the run judge for ("Sourcegraph 5.2.1 (…)"). */
  public final java.util.Set<String> judgedFor = ConcurrentHashMap.newKeySet();

  private final Predicate<String> versionControl;

  public ManifestSources(Predicate<String> versionControl) {
    this.versionControl = versionControl;
  }

  /** The name a config in a YAML file is linted under (and registered). */
  String register(Embedded config) {
    String name = config.yaml().path() + INSIDE + config.object() + " " + config.key();
    byName.put(name, config);
    return name;
  }

  /** Whether the file at a path (a config's name: its YAML file) is headed for version control. */
  public final Predicate<String> versioned =
      new Predicate<>() { // anonymous classes, not lambdas: the lint path links none
        @Override
        public boolean test(String path) {
          Embedded e = byName.get(path);
          return versionControl.test(e == null ? path : e.yaml().path());
        }
      };

  /** Whether a path names a ConfigMap's value. */
  public final Predicate<String> plainText =
      new Predicate<>() {
        @Override
        public boolean test(String path) {
          Embedded e = byName.get(path);
          return e != null && e.kind().equals("ConfigMap");
        }
      };
}
