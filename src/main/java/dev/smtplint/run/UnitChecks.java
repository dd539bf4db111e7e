package dev.smtplint.run;

import dev.smtplint.check.Judgement;
import dev.smtplint.check.Linter;
import dev.smtplint.check.Outcome;
import dev.smtplint.check.VersionControl;
import dev.smtplint.config.SiteConfigs;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.deploy.ManifestChecks;
import dev.smtplint.deploy.ManifestSources;
import dev.smtplint.fix.FixRun;
import dev.smtplint.report.FileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Each {@link Unit} read and judged: a file, a --merge list, the settings' siteConfig list, the
 * instance's configuration. Every unit is isolated (a bug in smtplint on one input is that input's
 * internal error, never the run's end), and a batch of files is checked on all cores with the
 * results in the order given. With --fix or --diff, the unit's files are fixed in memory first.
 */
public final class UnitChecks implements ManifestChecks.Judge {
  /**
   * From this many files on, files are checked in parallel (below it, threads cost more than they
   * save).
   */
  public static final int PARALLEL_FROM = 64;

  private final Environment environment;
  private final Optional<VersionControl> versionControl;
  private final Linter linter;
  private final Optional<FixRun> fixRun;
  private final boolean keepTrees;
  private final boolean debug;

  /**
   * {@code keepTrees}: the probe reads each judged tree again (without it, clean files keep neither
   * tree nor source).
   */
  public UnitChecks(
      Environment environment,
      Linter linter,
      Optional<FixRun> fixRun,
      boolean keepTrees,
      boolean debug) {
    this(environment, linter, fixRun, keepTrees, debug, Optional.empty());
  }

  /**
   * {@code versionControl}: tells an absent git-ignored --merge member (noted) from a typo (an
   * error).
   */
  public UnitChecks(
      Environment environment,
      Linter linter,
      Optional<FixRun> fixRun,
      boolean keepTrees,
      boolean debug,
      Optional<VersionControl> versionControl) {
    this.versionControl = versionControl;
    this.environment = environment;
    this.linter = linter;
    this.fixRun = fixRun;
    this.keepTrees = keepTrees;
    this.debug = debug;
  }

  /**
   * Every unit, in the order given. Files are read and checked on all cores from {@link
   * #PARALLEL_FROM} on: each thread, this one and the common pool's, takes the next unit not yet
   * taken (no stream and no lambda, whose linking a cold start pays for: LambdaFreeTest; the
   * training run takes this path too, so its classes are in the start-up archive).
   */
  public List<Outcome> check(List<Unit> units) {
    Outcome[] out = new Outcome[units.size()];
    if (units.size() < PARALLEL_FROM) {
      for (int i = 0; i < out.length; i++) {
        out[i] = check(units.get(i));
      }
      return Arrays.asList(out);
    }
    AtomicInteger next = new AtomicInteger(0);
    Runnable share =
        new Runnable() {
          @Override
          public void run() {
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
              out[i] = check(units.get(i));
            }
          }
        };
    List<ForkJoinTask<?>> helpers = new ArrayList<>();
    for (int t = 0; t < ForkJoinPool.getCommonPoolParallelism(); t++) {
      helpers.add(ForkJoinPool.commonPool().submit(share));
    }
    share.run();
    for (ForkJoinTask<?> helper : helpers) {
      helper.join(); // its writes to out happen before join returns
    }
    return Arrays.asList(out);
  }

  /** The run's YAML files, read together (a container's list may name objects of other files). */
  public List<Outcome> manifests(
      List<Inputs.Input> yaml,
      Set<Inputs.Input> named,
      ManifestSources sources,
      Set<Path> consumed,
      Set<Path> runInputs) {
    List<ManifestChecks.YamlInput> inputs = new ArrayList<>(yaml.size());
    for (Inputs.Input input : yaml) {
      inputs.add(
          new ManifestChecks.YamlInput(input.display(), input.path(), named.contains(input)));
    }
    ManifestChecks m = new ManifestChecks(this, linter, sources, runInputs, fixRun);
    List<Outcome> out = m.check(inputs, environment.in());
    consumed.addAll(m.consumed());
    return out;
  }

  private Outcome check(Unit unit) {
    if (unit instanceof Unit.File file) {
      return file(file.input());
    }
    if (unit instanceof Unit.Merge merge) {
      return merge(merge);
    }
    if (unit instanceof Unit.SiteConfig list) {
      return siteConfig(list.files());
    }
    Unit.Instance instance = (Unit.Instance) unit;
    return new Outcome(
        Optional.of(
            judge(
                instance.source().path(),
                new Supplier<>() {
                  @Override
                  public Linter.Judged get() {
                    return linter.check(instance.source());
                  }
                })),
        List.of());
  }

  private Outcome file(Inputs.Input input) {
    try {
      SourceFile source =
          input.isStdin()
              ? SourceLoader.load(environment.in(), input.display())
              : SourceLoader.load(input.path(), input.display());
      if (input.walked() && !SiteConfigs.looksLikeOne(input.display(), source.text())) {
        return Outcome.SKIPPED;
      }
      if (input.display().endsWith(".tpl")) { // Helm's _helpers.tpl, named
        return ManifestChecks.helmTemplate(input.display());
      }
      return new Outcome(
          Optional.of(judge(List.of(source), Collections.singletonList(input.path()), List.of())),
          List.of());
    } catch (SourceLoader.UnreadableException e) {
      return Outcome.unreadable(List.of(e.getMessage()));
    }
  }

  /** One --merge list: every file must be readable, or the list is not judged (exit 2). */
  private Outcome merge(Unit.Merge merge) {
    String list = merge.list();
    List<SourceFile> sources = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String name : merge.names()) {
      if (!Files.exists(Path.of(name))
          && versionControl.isPresent()
          && versionControl.get().ignoresAbsent(name)) {
        absent.add(name); // the secrets file git ignores, absent from this clone: noted, not fatal
        continue;
      }
      try {
        sources.add(SourceLoader.load(Path.of(name), name));
      } catch (SourceLoader.UnreadableException e) {
        errors.add(e.getMessage() + " (named in --merge " + list + ")");
      }
    }
    if (errors.isEmpty() && sources.isEmpty()) {
      errors.add("--merge " + list + ": no file of the list is here (all are ignored by git)");
    }
    if (!errors.isEmpty() || sources.isEmpty()) {
      return Outcome.unreadable(errors);
    }
    List<Path> paths = new ArrayList<>();
    for (SourceFile s : sources) {
      paths.add(Path.of(s.path()));
    }
    return new Outcome(
        Optional.of(judge(sources, paths, absent)),
        absentNotes(absent, "named in --merge " + list + ", ignored by git"));
  }

  /**
   * The settings' SITE_CONFIG_FILE list, as Sourcegraph loads it where every file is present; a
   * file that is absent here (the secrets file git ignores) is left out and said so, and the
   * settings it would supply are not missed.
   */
  private Outcome siteConfig(List<Path> files) {
    Path cwd = Path.of("").toAbsolutePath();
    List<SourceFile> sources = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Path file : files) {
      String name = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
      if (!Files.exists(file)) {
        absent.add(name);
        continue;
      }
      try {
        sources.add(SourceLoader.load(file, name));
        paths.add(file);
      } catch (SourceLoader.UnreadableException e) {
        return Outcome.unreadable(
            List.of(e.getMessage() + " (listed in the settings' siteConfig)"));
      }
    }
    List<String> notes = absentNotes(absent, "listed in the settings' siteConfig");
    if (sources.isEmpty()) {
      return new Outcome(Optional.empty(), notes);
    }
    return new Outcome(Optional.of(judge(sources, paths, absent)), notes);
  }

  /**
   * The files judged (a file, a --merge list or the siteConfig list); with --fix or --diff, after
   * fixing them in memory. A class, not a lambda: the lint path links none (LambdaFreeTest).
   */
  private Judgement judge(List<SourceFile> sources, List<Path> paths, List<String> absent) {
    // A list is shown as "site.json + secrets.json": "site.json:secrets.json:" reads as path:line.
    List<String> names = new ArrayList<>();
    for (SourceFile s : sources) {
      names.add(s.path());
    }
    return judge(
        String.join(" + ", names),
        new Supplier<>() {
          @Override
          public Linter.Judged get() {
            return fixRun.isEmpty()
                ? linter.checkMerged(sources, absent)
                : fixRun.get().fix(linter, sources, paths, absent);
          }
        });
  }

  /** The note for files of a list that are not here ({@code why}: how the list names them). */
  private static List<String> absentNotes(List<String> absent, String why) {
    if (absent.isEmpty()) {
      return List.of();
    }
    return List.of(
        "note: "
            + String.join(", ", absent)
            + " ("
            + why
            + ") "
            + (absent.size() == 1 ? "is" : "are")
            + " not here: the settings "
            + (absent.size() == 1 ? "it supplies" : "they supply")
            + " are not checked in this run");
  }

  /**
   * The judgement of a check that may fail (an internal error is that unit's result, not the run's
   * end).
   */
  @Override
  public Judgement judge(String name, Supplier<Linter.Judged> check) {
    Linter.Judged judged;
    try {
      judged = check.get();
    } catch (UsageException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Judgement(name, internalError(name, e), Optional.empty());
    }
    if (keepTrees) {
      return new Judgement(name, judged.results(), Optional.of(judged));
    }
    // Without a probe nothing reads the tree again, and only a finding's excerpt reads the source:
    // a large batch keeps neither for its clean files (less to hold, less for the collector to
    // copy).
    List<FileResult> kept = new ArrayList<>(judged.results().size());
    for (FileResult r : judged.results()) {
      kept.add(r.withoutUnneededSource());
    }
    return new Judgement(name, List.copyOf(kept), Optional.empty());
  }

  /**
   * One unit's later step (its probe), isolated: whatever goes wrong inside smtplint there — a bug,
   * a StackOverflowError, an OutOfMemoryError of that task — becomes that unit's internal error.
   */
  public List<FileResult> isolated(String name, Supplier<List<FileResult>> step) {
    try {
      return step.get();
    } catch (UsageException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return internalError(name, e);
    }
  }

  /** A failure of smtplint's own on one input: that input's result (the stack with --debug). */
  private List<FileResult> internalError(String name, Throwable e) {
    if (debug) {
      synchronized (environment.err()) {
        e.printStackTrace(environment.err());
      }
    }
    return List.of(FileResult.internalError(name, e));
  }
}
