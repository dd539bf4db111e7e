package dev.smtplint.deploy;

import dev.smtplint.check.Judgement;
import dev.smtplint.check.Linter;
import dev.smtplint.check.Outcome;
import dev.smtplint.config.Containment;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.config.Span;
import dev.smtplint.fix.BlockFixes;
import dev.smtplint.fix.FixRun;
import dev.smtplint.manifest.ComposeOverrides;
import dev.smtplint.manifest.Deployments;
import dev.smtplint.manifest.Embedded;
import dev.smtplint.manifest.KubernetesPatches;
import dev.smtplint.manifest.Manifest;
import dev.smtplint.manifest.Workload;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.rules.Releases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The YAML files of a run (Kubernetes manifests, rendered Helm and kustomize, compose files) read
 * together, as deployments load their site configs (SPEC §1, §9): each container's SITE_CONFIG_FILE
 * list merged and judged like --merge, every other site config in a ConfigMap or Secret judged
 * alone, and every finding moved to the YAML's own line and column.
 */
public final class ManifestChecks {
  /** A YAML file of the run; {@code path} null for standard input. */
  public record YamlInput(String display, Path path, boolean named) {
    boolean isStdin() {
      return path == null;
    }
  }

  /**
   * Judges a check isolated: an internal error is that unit's result, not the run's end (the run's
   * {@code UnitChecks}).
   */
  public interface Judge {
    Judgement judge(String name, Supplier<Linter.Judged> check);
  }

  private final Judge checks;
  private final Linter linter;
  private final ManifestSources sources;
  private final Set<Path> consumed = new java.util.HashSet<>();

  /** Where each YAML file read lives, by its shown name (none for standard input). */
  private final Map<String, Path> pathOf = new LinkedHashMap<>();

  /**
   * Standard input's place, where --stdin-filename names it: its compose file's bind mounts are
   * read from there (never a fix written there: that is {@link #pathOf}'s).
   */
  private final Map<String, Path> namedStdin = new LinkedHashMap<>();

  private final Set<Path> runInputs;
  private final Optional<FixRun> fixRun;
  private final BlockFixes blockFixes = new BlockFixes();

  /** Each YAML file's masks, over its whole text as read (SPEC §10; {@code Manifest#secrets}). */
  private final Map<SourceFile, List<Span>> secrets = new java.util.IdentityHashMap<>();

  /** Under --fix, each YAML-held config's result as read, by its fixed result (identity). */
  private final Map<FileResult, FileResult> asRead =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /**
   * {@code runInputs}: the other files the run lints (absolute), which a generator's file may be.
   */
  public ManifestChecks(
      Judge checks,
      Linter linter,
      ManifestSources sources,
      Set<Path> runInputs,
      Optional<FixRun> fixRun) {
    this.checks = checks;
    this.linter = linter;
    this.sources = sources;
    this.runInputs = runInputs;
    this.fixRun = fixRun;
  }

  /**
   * Reads and judges the YAML files (a walked file that is not a deployment's is skipped without a
   * word; one the command line names is said so).
   */
  public List<Outcome> check(List<YamlInput> yaml, InputStream stdin) {
    List<Outcome> out = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    for (YamlInput input : yaml) {
      boolean isNamed = input.named();
      SourceFile source;
      try {
        source =
            input.isStdin()
                ? SourceLoader.load(stdin, input.display())
                : SourceLoader.load(input.path(), input.display());
      } catch (SourceLoader.UnreadableException e) {
        out.add(Outcome.unreadable(List.of(e.getMessage())));
        continue;
      }
      try {
        Manifest m = Manifest.read(source);
        // a container with no site config of its own may be a kustomize patch's part of one
        if (m.empty() && m.workloads().isEmpty()) {
          if (isNamed) {
            out.add(
                new Outcome(
                    Optional.of(new Judgement(input.display(), List.of(), Optional.empty())),
                    List.of(
                        "note: "
                            + input.display()
                            + ": no Kubernetes or compose object here carries a site config;"
                            + " nothing to lint")));
          } else if (!m.deployment()) {
            out.add(Outcome.SKIPPED); // a walked YAML file that is no manifest: counted, not linted
          }
          continue;
        }
        manifests.add(m);
        secrets.put(m.yaml(), m.secrets());
        if (!input.isStdin()) {
          pathOf.put(source.path(), input.path());
        } else if (!input.display().equals("-")) {
          namedStdin.put(source.path(), Path.of(input.display()));
        }
      } catch (Manifest.Unreadable e) {
        if (isNamed && source.text().contains("{{")) {
          out.add(helmTemplate(input.display()));
        } else if (isNamed) {
          String at =
              e.at().isPresent() ? ":" + e.at().get().line() + ":" + e.at().get().column() : "";
          out.add(
              Outcome.unreadable(
                  List.of(input.display() + at + ": not read as YAML: " + e.getMessage())));
        } else {
          out.add(Outcome.SKIPPED); // a Helm template, or YAML that does not parse: counted
        }
      }
    }
    if (manifests.isEmpty()) {
      return out;
    }
    // a compose override is merged into its base where both are read, as docker compose merges them
    // and a container written in several documents (kustomize's base and patches) is joined
    List<Manifest> project = KubernetesPatches.merged(ComposeOverrides.merged(manifests));
    Deployments.Result resolved = Deployments.resolve(project);
    // Two frontends that load the same files for the same release (compose's two, mounting one
    // site.json): one list, linted, reported and fixed once (#40 item 8).
    Set<String> lists = new java.util.HashSet<>();
    for (Deployments.Plan plan : resolved.plans()) {
      if (lists.add(Frontends.listKey(plan, this::own))) {
        out.add(plan(plan));
      } else {
        releaseOf(plan.workload()); // its image still names the release the run judged for
      }
    }
    for (Embedded e : resolved.alone()) {
      out.add(judged(linter, e.label(), List.of(e), List.of()));
    }
    for (Embedded e : resolved.partial()) {
      out.add(
          judged(linter, e.label(), List.of(e), List.of("the rest of its SITE_CONFIG_FILE list")));
    }
    if (fixRun.isPresent()) {
      blockFixes.commit(fixRun.get(), pathOf, secrets);
    }
    for (Manifest m : manifests) {
      for (Manifest.Generated g : m.generated()) {
        generated(m, g).ifPresent(out::add);
      }
    }
    // Each manifest's own findings, grouped once by the file that names the container.
    Map<SourceFile, List<Deployments.Unmounted>> unmounted = new java.util.IdentityHashMap<>();
    for (Deployments.Unmounted u : resolved.unmounted()) {
      unmounted.computeIfAbsent(u.workload().yaml(), y -> new ArrayList<>()).add(u);
    }
    Map<SourceFile, List<Deployments.Split>> splits = new java.util.IdentityHashMap<>();
    for (Deployments.Split sp : resolved.splits()) {
      splits.computeIfAbsent(sp.workload().yaml(), y -> new ArrayList<>()).add(sp);
    }
    for (Manifest m : manifests) {
      List<Finding> found =
          ManifestFindings.of(
              m,
              unmounted.getOrDefault(m.yaml(), List.of()),
              splits.getOrDefault(m.yaml(), List.of()));
      if (!found.isEmpty()) {
        String path = m.yaml().path();
        FileResult r =
            new FileResult(
                path,
                Optional.of(m.yaml()),
                linter.withSettings(found),
                Optional.empty(),
                m.secrets());
        out.add(
            new Outcome(Optional.of(new Judgement(path, List.of(r), Optional.empty())), List.of()));
      }
    }
    if (resolved.plans().isEmpty() && resolved.splits().isEmpty()) {
      out.addAll(Frontends.databaseConfigured(project));
    }
    if (fixRun.isPresent()) {
      // every result of a fixed file, the manifest's own findings too, quotes it as fixed
      InYaml.quoteFixed(out, blockFixes.written(), blockFixes.refused(), asRead);
    }
    return out;
  }

  /**
   * A Helm template named on the command line: not YAML until Helm renders it (SPEC §9). Said, with
   * what to lint instead; not an error of the config (a hook's pattern may match templates).
   */
  public static Outcome helmTemplate(String display) {
    return new Outcome(
        Optional.of(new Judgement(display, List.of(), Optional.empty())),
        List.of(
            "note: "
                + display
                + ": a Helm template ({{ … }}), not YAML until Helm renders it: lint what it"
                + " renders (helm template RELEASE CHART -f values.yaml | smtplint lint -)"));
  }

  /** The local files the compose files' lists read (not linted alone as well). */
  public Set<Path> consumed() {
    return consumed;
  }

  /**
   * A local file a kustomize generator turns into a ConfigMap or Secret key, linted through that
   * file when it holds a site config (unless the run names it or walks to it anyway).
   */
  private Optional<Outcome> generated(Manifest m, Manifest.Generated g) {
    List<String> notes = new ArrayList<>();
    Optional<SourceFile> read =
        local(
            new Deployments.LocalFile(m.yaml(), g.localPath(), ""),
            notes,
            new ArrayList<>(),
            runInputs);
    if (read.isEmpty()) {
      return notes.isEmpty()
          ? Optional.empty()
          : Optional.of(
              new Outcome(
                  Optional.of(new Judgement(m.yaml().path(), List.of(), Optional.empty())), notes));
    }
    SourceFile source = read.get();
    if (consumed.contains(Path.of(source.path()).toAbsolutePath().normalize())
        || !Manifest.holdsSiteConfig(g.localPath(), source.text())) {
      return Optional.empty(); // a member of a frontend's list is linted as part of it
    }
    Judgement j =
        checks.judge(
            source.path(),
            new Supplier<>() {
              @Override
              public Linter.Judged get() {
                return linter.checkMerged(List.of(source), List.of());
              }
            });
    return Optional.of(new Outcome(Optional.of(j), List.of()));
  }

  /** One container's SITE_CONFIG_FILE list: its members merged in order. */
  private Outcome plan(Deployments.Plan plan) {
    List<String> absent = new ArrayList<>(plan.missing());
    List<String> notes = new ArrayList<>();
    for (String note : plan.notes()) {
      notes.add(
          "note: "
              + plan.workload().yaml().path()
              + ": "
              + plan.workload().label()
              + ": "
              + note
              + "; the settings it supplies are not checked in this run");
    }
    List<Object> order = new ArrayList<>();
    for (Deployments.Member member : plan.members()) {
      if (member instanceof Deployments.InManifest in) {
        order.add(in.config());
      } else {
        Deployments.LocalFile file = (Deployments.LocalFile) member;
        Optional<SourceFile> read = local(file, notes, absent, Set.of());
        if (read.isPresent()) {
          consumed.add(Path.of(read.get().path()).toAbsolutePath().normalize());
          order.add(read.get());
        }
      }
    }
    if (order.isEmpty()) {
      // nothing of the list is here (objects in files not linted): noted, not an error
      return new Outcome(
          Optional.of(new Judgement(plan.workload().label(), List.of(), Optional.empty())), notes);
    }
    Linter release = releaseOf(plan.workload());
    Outcome judged =
        judged(
            release,
            plan.workload().label() + " (" + plan.workload().yaml().path() + ")",
            order,
            absent);
    List<String> all = new ArrayList<>(notes);
    all.addAll(judged.errors());
    return new Outcome(Frontends.withOnePathOnly(judged.judgement(), plan, release, secrets), all);
  }

  /**
   * A compose bind mount's local file, read where the repository allows (SPEC §10: relative to the
   * compose file, inside its repository, through no link out); none, and not read, where it is one
   * of {@code linted} (the run lints it anyway).
   */
  private Optional<SourceFile> local(
      Deployments.LocalFile file, List<String> notes, List<String> absent, Set<Path> linted) {
    Path yaml = pathOf.getOrDefault(file.yaml().path(), namedStdin.get(file.yaml().path()));
    String name = file.rest().isEmpty() ? file.localPath() : file.localPath() + "/" + file.rest();
    if (yaml == null) {
      notes.add(
          "note: "
              + name
              + " (a bind mount of standard input's compose file) is not read: name the file"
              + " standard input stands for with --stdin-filename");
      return Optional.empty();
    }
    try {
      Containment repository = Containment.of(yaml);
      Path dir = yaml.toAbsolutePath().normalize().getParent();
      if (name.startsWith("/") && Path.of(name).normalize().startsWith(repository.root())) {
        // docker-compose config writes bind sources absolute: inside the repository, the same file
        name = dir.relativize(Path.of(name).normalize()).toString();
      }
      Containment.Result inside = repository.resolve(dir, name);
      if (inside.path().isEmpty()) {
        notes.add(
            "note: "
                + file.yaml().path()
                + ": the bind mount "
                + name
                + " "
                + inside.refusal()
                + ": not read (smtplint reads nothing outside the repository)");
        return Optional.empty();
      }
      Path p = inside.path().get();
      if (linted.contains(p)) {
        return Optional.empty();
      }
      Path cwd = Path.of("").toAbsolutePath();
      String shown = p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
      if (!Files.exists(p)) {
        absent.add(shown);
        notes.add(
            "note: "
                + shown
                + " (bind-mounted by "
                + file.yaml().path()
                + ") is not here: the settings it supplies are not checked in this run");
        return Optional.empty();
      }
      return Optional.of(SourceLoader.load(p, shown));
    } catch (IOException | SourceLoader.UnreadableException e) {
      notes.add("note: " + name + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The linter for a container: judging for the release its image's tag names
   * (sourcegraph/frontend:5.2.1), unless the command line named one (SPEC §2's order).
   */
  private Linter releaseOf(Workload w) {
    if (w.image().isEmpty()
        || !w.frontend()
        || linter.settings().releaseFrom().equals("--sourcegraph-version")) {
      return linter;
    }
    Optional<SourcegraphVersion> v = SourcegraphVersion.ofImage(w.image().get());
    if (v.isEmpty() || v.get().compareTo(Releases.oldest()) < 0) {
      return linter;
    }
    String from = "image tag of " + w.label();
    sources.judgedFor(v.get(), w.label());
    return linter.judgingFor(v.get(), from);
  }

  /**
   * Each generator's value's own file, looked for once per run (a plan's key asks, then its
   * judging).
   */
  private final Map<Embedded, Optional<SourceFile>> ownFiles = new java.util.HashMap<>();

  private final ManifestSources.GeneratorFiles generatorFiles =
      new ManifestSources.GeneratorFiles();

  /**
   * The local file a generator made the value from, when it is the value's bytes (not with --fix: a
   * fix of rendered output stays in the rendered output).
   */
  private Optional<SourceFile> own(Embedded e) {
    if (fixRun.isPresent()) {
      return Optional.empty();
    }
    return ownFiles.computeIfAbsent(e, generatorFiles::of);
  }

  /**
   * Judges a list in order ({@code members}: configs held in YAML, {@code Embedded}, and local
   * files, {@code SourceFile}) and shows the results in their YAML files.
   */
  private Outcome judged(Linter linter, String name, List<?> members, List<String> absent) {
    Map<String, Embedded> byName = new LinkedHashMap<>();
    List<SourceFile> list = new ArrayList<>();
    for (Object m : members) {
      // a generator's value that is its local file's bytes is judged as that file (not with --fix:
      // a fix of rendered output stays in the rendered output)
      Optional<SourceFile> own = m instanceof Embedded g ? own(g) : Optional.empty();
      if (own.isPresent()) {
        list.add(own.get());
      } else if (m instanceof Embedded e) {
        String virtual = sources.register(e);
        byName.put(virtual, e);
        list.add(SourceFile.of(virtual, e.source().text()));
      } else {
        list.add((SourceFile) m);
      }
    }
    UnaryOperator<List<FileResult>> view =
        new UnaryOperator<>() {
          @Override
          public List<FileResult> apply(List<FileResult> results) {
            List<FileResult> shown = new ArrayList<>();
            for (FileResult r : results) {
              Embedded e = byName.get(r.path());
              shown.add(e == null ? r : InYaml.inYaml(r, e, secrets.get(e.yaml())));
            }
            return shown;
          }
        };
    boolean editable = true;
    for (Embedded e : byName.values()) {
      editable &= e.placement().editable();
    }
    boolean fixing = fixRun.isPresent() && editable;
    List<Path> paths = new ArrayList<>();
    for (SourceFile source : list) {
      paths.add(byName.containsKey(source.path()) ? null : Path.of(source.path()));
    }
    Map<String, FileResult> readFirst = new java.util.concurrent.ConcurrentHashMap<>();
    Judgement j =
        checks.judge(
            name,
            new Supplier<>() {
              @Override
              public Linter.Judged get() {
                if (!fixing || !writable(byName.values())) {
                  return linter.checkMerged(list, absent);
                }
                Linter.Judged fixed = fixRun.get().fix(linter, list, paths, absent);
                for (FixRun.Changed c : fixRun.get().take(byName.keySet())) {
                  Embedded e = byName.get(c.before().path());
                  blockFixes.add(e, c.after().text(), c.fixes());
                  if (c.asRead().isPresent()) {
                    readFirst.put(c.before().path(), c.asRead().get());
                  }
                }
                return fixed;
              }
            });
    List<String> notes = new ArrayList<>();
    if (fixRun.isPresent() && !editable && InYaml.anyFix(j.results(), byName)) {
      notes.add(
          "note: "
              + name
              + ": not fixed: a site config of the list is base64 (a Secret's data) or a quoted or"
              + " folded YAML value, and smtplint edits a config in YAML only inside a literal block"
              + " (|); fix it in the file it is made from");
    }
    List<FileResult> shown = view.apply(j.results());
    for (int i = 0; i < shown.size(); i++) {
      String path = j.results().get(i).path();
      if (readFirst.containsKey(path)) {
        asRead.put(shown.get(i), view.apply(List.of(readFirst.get(path))).get(0));
      }
    }
    return new Outcome(Optional.of(new Judgement(j.name(), shown, j.judged(), view)), notes);
  }

  /**
   * Whether the YAML files of these configs may be written: a link or a read-only file is refused
   * before anything is fixed (exit 2), so that the report shows it as it is on disk.
   */
  private boolean writable(java.util.Collection<Embedded> configs) {
    for (Embedded e : configs) {
      Path path = pathOf.get(e.yaml().path());
      if (path != null && !fixRun.get().writable(path, e.yaml().path())) {
        return false;
      }
    }
    return true;
  }
}
