package dev.smtplint.deploy;

import dev.smtplint.config.Containment;
import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.manifest.Embedded;
import dev.smtplint.rules.Releases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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

  /** The frontends whose image tag named each release, in the order first met. */
  private final Map<SourcegraphVersion, java.util.Set<String>> imageTags =
      new java.util.LinkedHashMap<>();

  /** A frontend's image tag made the run judge for {@code release}. */
  synchronized void judgedFor(SourcegraphVersion release, String workload) {
    imageTags.computeIfAbsent(release, r -> new java.util.LinkedHashSet<>()).add(workload);
  }

  /**
   * The releases the frontends' image tags made the run judge for, each once with every frontend
   * that named it ("Sourcegraph 5.2.1 (image tag of service a, service b)").
   */
  public synchronized java.util.Set<String> judgedFor() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Map.Entry<SourcegraphVersion, java.util.Set<String>> e : imageTags.entrySet()) {
      // a release past the table is judged as its newest, and the report says so (#40 item 13)
      String past =
          e.getKey().compareTo(Releases.newest()) > 0
              ? "; newer than smtplint's table, judged as " + Releases.newest() + " and later"
              : "";
      out.add(
          "Sourcegraph "
              + e.getKey()
              + " (image tag of "
              + String.join(", ", e.getValue())
              + past
              + ")");
    }
    return out;
  }

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

  /**
   * Whether the file at a path (a config's name: its YAML file) is headed for version control.
   * Unnamed standard input (rendered output) counts as the file its renderer says the object was
   * written in, when that file is in the working directory's tree (SPEC §2, §7); a generator's
   * output, whose data come from other files, does not count.
   */
  public final Predicate<String> versioned =
      new Predicate<>() { // anonymous classes, not lambdas: the lint path links none
        @Override
        public boolean test(String path) {
          Embedded e = byName.get(path);
          if (e == null || !e.yaml().path().equals("-")) {
            return versionControl.test(e == null ? path : e.yaml().path());
          }
          Optional<Path> origin =
              e.origin().isPresent() ? local(e.origin().get()) : Optional.empty();
          return origin.isPresent() && versionControl.test(origin.get().toString());
        }
      };

  /**
   * A renderer's origin as a regular file below the working directory, as {@link Containment} keeps
   * every path the input names (relative, no ".." out, no link out): never a path the input points
   * anywhere else.
   */
  static Optional<Path> local(String origin) {
    try {
      Path cwd = Path.of("").toAbsolutePath();
      Optional<Path> inside = Containment.below(cwd).resolve(cwd, origin).path();
      return inside.isPresent() && Files.isRegularFile(inside.get(), LinkOption.NOFOLLOW_LINKS)
          ? inside
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What holds the config a path names: a ConfigMap's value, a Secret's, or a file of its own. */
  public final Function<String, EmailSettings.Holder> heldIn =
      new Function<>() {
        @Override
        public EmailSettings.Holder apply(String path) {
          Embedded e = byName.get(path);
          return e == null
              ? EmailSettings.Holder.FILE
              : e.secret() ? EmailSettings.Holder.SECRET : EmailSettings.Holder.CONFIG_MAP;
        }
      };
}
