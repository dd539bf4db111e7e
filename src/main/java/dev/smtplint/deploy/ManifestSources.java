package dev.smtplint.deploy;

import dev.smtplint.config.Containment;
import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.manifest.Embedded;
import dev.smtplint.manifest.Manifest;
import dev.smtplint.rules.Releases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * The local files kustomize generators made values from (#40 item 1), each kustomization and each
   * generator's file read once per run however many values name it: a rendered stream of N objects
   * naming one large kustomization costs one parse, not N.
   */
  public static final class GeneratorFiles {
    private final Map<Path, Optional<Manifest>> kustomizations = new java.util.HashMap<>();
    private final Map<Path, Optional<SourceFile>> files = new java.util.HashMap<>();

    /**
     * The local file a kustomize generator made a value from, when the value is that file's bytes,
     * so that findings point into the file the admin edits: the kustomization kustomize's origin
     * annotation names ({@code configuredIn}), its generator of the object (the name, or the name
     * and kustomize's 10-character hash), the file of the key. Each path is kept below the working
     * directory by {@link #local}; each file read is bounded ({@link SourceLoader}). Nothing read
     * here is shown unless it equals what the input already holds.
     */
    public Optional<SourceFile> of(Embedded e) {
      if (e.origin().isPresent() || e.renderedFrom().isEmpty()) {
        return Optional.empty(); // not a generator's output, or no origin recorded
      }
      // kustomize records it relative to the kustomization it built: the directory of the file the
      // output was saved to, or that --stdin-filename names; else the working directory
      Path beside = Path.of(e.yaml().path()).getParent();
      Optional<Path> kustomization =
          beside == null || e.yaml().path().equals("-")
              ? Optional.empty()
              : local(beside.resolve(e.renderedFrom().get()).toString());
      if (kustomization.isEmpty()) {
        kustomization = local(e.renderedFrom().get());
      }
      if (kustomization.isEmpty()
          || !Manifest.isYamlName(kustomization.get().getFileName().toString())) {
        return Optional.empty();
      }
      Path cwd = Path.of("").toAbsolutePath();
      Path at = kustomization.get().toAbsolutePath();
      Optional<Manifest> m = kustomizations.get(at);
      if (m == null) {
        m = read(at, e.renderedFrom().get());
        kustomizations.put(at, m);
      }
      for (Manifest.Generated g :
          m.isPresent() ? m.get().generated() : List.<Manifest.Generated>of()) {
        if (g.kind().equals(e.kind()) && g.key().equals(e.key()) && madeBy(e.name(), g.name())) {
          Path written = cwd.relativize(at.getParent()).resolve(g.localPath()).normalize();
          Optional<SourceFile> own = file(written);
          if (own.isPresent() && own.get().text().equals(e.source().text())) {
            return own;
          }
        }
      }
      return Optional.empty();
    }

    private static Optional<Manifest> read(Path kustomization, String display) {
      try {
        return Optional.of(Manifest.read(SourceLoader.load(kustomization, display)));
      } catch (SourceLoader.UnreadableException | Manifest.Unreadable | RuntimeException ex) {
        return Optional.empty(); // not readable as a kustomization: findings stay in the stream
      }
    }

    private Optional<SourceFile> file(Path written) {
      Optional<SourceFile> known = files.get(written);
      if (known == null) {
        known = Optional.empty();
        Optional<Path> file = local(written.toString());
        if (file.isPresent()) {
          try {
            known = Optional.of(SourceLoader.load(file.get(), written.toString()));
          } catch (SourceLoader.UnreadableException | RuntimeException ex) {
            // unreadable: the finding stays in the rendered output
          }
        }
        files.put(written, known);
      }
      return known;
    }
  }

  /** kustomize names a generator's object "name-" and a 10-character hash, or "name" without. */
  private static boolean madeBy(String object, String generator) {
    return object.equals(generator)
        || object.length() == generator.length() + 11
            && object.startsWith(generator)
            && object.charAt(generator.length()) == '-';
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
