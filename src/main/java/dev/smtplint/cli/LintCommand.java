package dev.smtplint.cli;

import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import dev.smtplint.probe.ProbeListener;
import dev.smtplint.check.VersionControl;
import dev.smtplint.check.FailOn;
import dev.smtplint.check.Linter;
import dev.smtplint.check.ProjectSettings;
import dev.smtplint.check.Settings;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Report;
import dev.smtplint.report.Severity;
import dev.smtplint.report.format.Format;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.schema.EmailSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Lint the email settings of Sourcegraph site-config files (JSONC). '-' reads standard input; "
        + "a directory means every *.json / *.jsonc below it.")
final class LintCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "0..*", description = "site-config files, directories, or - for standard input")
  List<String> files = new ArrayList<>();

  @Option(names = "--merge", paramLabel = "FILE[:FILE...]", description = "lint a SITE_CONFIG_FILE list as Sourcegraph merges it (repeatable)")
  List<String> merges = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = Completions.Formats.class,
      description = "text, json, sarif, github or junit (default: ${DEFAULT-VALUE})")
  Format.Name format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of standard output")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = Completions.Levels.class, description = "error, warning, info or never: the lowest severity that makes the exit code 1 (default: error)")
  String failOn;

  @Option(names = "--disable", paramLabel = "RULE", split = ",", completionCandidates = Completions.Rules.class, description = "switch rules off (repeatable)")
  List<String> disable = new ArrayList<>();

  @Option(names = "--enable", paramLabel = "RULE", split = ",", completionCandidates = Completions.Rules.class, description = "switch rules on that settings switched off (repeatable)")
  List<String> enable = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "project settings (default: .smtplint.json in the working directory, then the git root)")
  Path config;

  @Option(names = "--isolated", description = "ignore every settings file (.smtplint.json): for CI on untrusted branches")
  boolean isolated;

  @Option(names = "--allow-host", paramLabel = "HOST", split = ",",
      description = "with --probe --password-env: a host the password may be sent to (repeatable; also SMTPLINT_ALLOW_HOSTS)")
  List<String> allowHosts = new ArrayList<>();

  @Option(names = "--no-color", description = "plain text (also when NO_COLOR is set or output is not a terminal)")
  boolean noColor;

  @Option(names = "--color", paramLabel = "WHEN", completionCandidates = Completions.Colors.class, description = "auto, always or never (default: auto: at a terminal, "
      + "unless NO_COLOR is set or TERM is dumb; FORCE_COLOR forces it)")
  String colorWhen;

  @Option(names = {"-q", "--quiet"}, description = "print only findings at or above --fail-on")
  boolean quiet;

  @Option(names = "--probe", description = "after the static checks, talk to each file's SMTP server as Sourcegraph would")
  boolean probe;

  @Option(names = "--to", paramLabel = "ADDRESS", description = "with --probe: also send one test message to ADDRESS")
  String to;

  @Option(names = "--password-env", paramLabel = "NAME", description = "with --probe: take the SMTP password from environment variable NAME")
  String passwordEnv;

  @Option(names = "--fix", description = "apply the safe fixes in place (never to a username or password), then report what remains")
  boolean fix;

  @Option(names = "--unsafe-fixes", description = "with --fix or --diff: also the fixes that change what is sent (port 465 to 587, ...)")
  boolean unsafeFixes;

  @Option(names = "--diff", description = "print the fixes as a unified diff and write nothing (exit 1 when there is something to fix)")
  boolean diff;

  @Option(names = "--instance", paramLabel = "URL", arity = "0..1", fallbackValue = "",
      description = "lint a running Sourcegraph's effective site config through its GraphQL API (URL default: SRC_ENDPOINT; "
          + "token: SRC_ACCESS_TOKEN, a site admin's); with --probe --to, test through the instance's own sendTestEmail")
  String instance;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "with --probe: limit for each network step (default: ${DEFAULT-VALUE})")
  double timeout;

  @Option(names = "--ca-file", paramLabel = "PEM", description = "with --probe: also trust the CA certificates in this PEM file")
  Path caFile;

  @Option(names = {"-v", "--verbose"}, description = "with --probe: print the SMTP transcript (AUTH redacted)")
  boolean verbose;

  @Option(names = "--debug", hidden = true, description = "show stack traces of internal errors")
  boolean debug;

  private final Environment environment;
  /** --fix or --diff: the fixes of this run; null otherwise. */
  private FixRun fixRun;

  /** How the report is written (set once the options are read). */
  private ReportOutput reportOutput;

  /** The SITE_CONFIG_FILE list of the settings file, absolute; empty without one. */
  private final List<Path> siteConfig = new ArrayList<>();

  LintCommand(Environment environment) {
    this.environment = environment;
  }

  public Integer call() throws IOException {
    List<FileResult> results = new ArrayList<>();
    int code = ExitCode.OK;
    Optional<ProbeRun> probeRun = probe
        ? Optional.of(ProbeRun.create(to, passwordEnv, timeout, caFile, allowHosts, environment.env())) : Optional.empty();
    if (!probe && (to != null || passwordEnv != null || caFile != null || !allowHosts.isEmpty())) {
      throw new UsageException("--to, --password-env, --allow-host and --ca-file go with --probe");
    }
    reportOutput = new ReportOutput(environment, format, output, quiet, verbose, noColor, colorWhen);
    reportOutput.color(); // a bad --color value is a usage error before any work
    if (isolated && config != null) {
      throw new UsageException("--isolated ignores every settings file, so it does not go with --config");
    }
    Settings settings = settings(results, probeRun.isPresent() && passwordEnv != null);
    if (instance != null) {
      if (fix || diff) {
        throw new UsageException("--fix and --diff change files: they do not go with --instance");
      }
      return lintInstance(settings, probeRun, results);
    }
    if (unsafeFixes && !fix && !diff) {
      throw new UsageException("--unsafe-fixes goes with --fix or --diff");
    }
    if (fix && diff) {
      throw new UsageException("--fix writes the fixes and --diff only shows them: choose one");
    }
    if ((fix || diff) && probe) {
      throw new UsageException("--fix and --diff do not go with --probe: fix first, then probe");
    }
    fixRun = fix || diff ? new FixRun(unsafeFixes, fix) : null;
    Linter linter = new Linter(settings, EmailSchemaHolder.SUPPLIER, new VersionControl(), environment.rules());
    if (files.isEmpty() && merges.isEmpty()) {
      throw new UsageException("lint needs a FILE or --merge FILE[:FILE...]; try 'smtplint lint --help'");
    }
    Inputs.Expanded expanded = Inputs.expand(files);
    refuseOutputOntoInput(expanded);
    List<Unit> units = new ArrayList<>();
    for (String list : merges) {
      Optional<Unit> merged = lintMerged(list, linter);
      code = merged.isPresent() ? code : ExitCode.USAGE;
      merged.ifPresent(units::add);
    }
    for (Inputs.Problem p : expanded.problems()) {
      environment.complain(p.message());
      code = p.fatal() ? ExitCode.USAGE : code;
    }
    // A file of the settings' SITE_CONFIG_FILE list is linted as the whole list, once.
    List<Inputs.Input> alone = new ArrayList<>();
    boolean listNamed = false;
    for (Inputs.Input input : expanded.inputs()) {
      boolean inList = !siteConfig.isEmpty() && !input.isStdin() && siteConfig.contains(input.path().toAbsolutePath().normalize());
      listNamed |= inList;
      if (!inList) {
        alone.add(input);
      }
    }
    if (listNamed) {
      Optional<Unit> list = lintSiteConfig(linter);
      code = list.isPresent() ? code : ExitCode.USAGE;
      list.ifPresent(units::add);
    }
    expanded = new Inputs.Expanded(alone, expanded.problems());
    for (Outcome o : lintAll(expanded.inputs(), linter)) {
      if (o.error() != null) {
        environment.complain(o.error());
        code = ExitCode.USAGE;
      } else {
        units.add(o.unit());
      }
    }
    return finish(units, results, settings, probeRun, linter, code);
  }

  /**
   * --instance: the instance's effective site configuration in place of files. REDACTED there means
   * "not visible here", not a finding; --probe --to asks the instance to send, --password-env probes
   * locally (when the instance shows the username).
   */
  private int lintInstance(Settings base, Optional<ProbeRun> probeRun, List<FileResult> results) throws IOException {
    if (!files.isEmpty() || !merges.isEmpty()) {
      throw new UsageException("--instance lints the instance's site configuration: give no FILE or --merge with it");
    }
    if (probeRun.isPresent() && to == null && passwordEnv == null) {
      throw new UsageException("with --instance, --probe needs --to ADDRESS (the instance sends a test email there) "
          + "or --password-env NAME (a local probe of the instance's settings)");
    }
    InstanceRun run = InstanceRun.open(instance, environment.env(), timeout);
    Set<String> disabled = new HashSet<>(base.disabled());
    disabled.add(Catalogue.REDACTED_VALUE);
    Settings settings = new Settings(disabled, base.severity(), base.failOn(), base.passwordFromEnvironment());
    Linter linter = new Linter(settings, EmailSchemaHolder.SUPPLIER, path -> false, environment.rules());
    SourceFile source = run.fetch();
    Unit unit = judge(source.path(), () -> linter.check(source));
    List<Unit> units = new ArrayList<>(List.of(unit));
    if (probeRun.isPresent() && passwordEnv == null && unit.judged().isPresent()) {
      units.set(0, unit.probed(isolated(unit.name(), () -> run.probe(unit.judged().get(), linter, to))));
      return finish(units, results, settings, Optional.empty(), linter, ExitCode.OK);
    }
    if (probeRun.isPresent()) {
      unit.judged().ifPresent(InstanceRun::requireVisibleUsername);
    }
    return finish(units, results, settings, probeRun, linter, ExitCode.OK);
  }

  /** With --fix on standard input, standard output carries the fixed text. */
  private boolean reportToStandardError;

  /** Probes (when asked), writes the report and decides the exit code: the same for files and an instance. */
  private int finish(List<Unit> units, List<FileResult> results, Settings settings, Optional<ProbeRun> probeRun, Linter linter,
      int code) throws IOException {
    FailOn threshold = settings.failOn().orElse(FailOn.ERROR);
    Optional<LiveProgress> live = probeRun.isPresent() && format == Format.Name.TEXT && output == null && !quiet
        ? Optional.of(new LiveProgress(environment.out(), reportOutput.textFormat(), reportOutput.terminalLive(), reportOutput.unicode()))
        : Optional.empty();
    if (live.isPresent()) {
      for (Unit u : units) {
        u.results().forEach(live.get()::staticFindings);
      }
    }
    List<Unit> done = probeRun.isPresent() ? probeAll(units, probeRun.get(), linter, live) : units;
    for (Unit u : done) {
      results.addAll(u.results());
    }
    for (FileResult r : results) {
      if (r.internalError().isPresent()) {
        environment.complain(r.path() + ": " + r.internalError().get());
      }
    }
    Report report = new Report(VersionProvider.version(), results, Catalogue.infos());
    if (fixRun != null) {
      fixRun.inReportOrder(results);
    }
    if (fixRun != null && diff) {
      environment.out().print(fixRun.diff());
      return Math.max(code, fixRun.changed().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS);
    }
    if (fixRun != null) {
      FixRun.Committed committed = fixRun.commit(environment);
      code = Math.max(code, committed.code());
      reportToStandardError = committed.wroteStandardOutput();
      if (!committed.unwritten().isEmpty()) {
        // A file that could not be written is reported as it is on disk, not as it would have been.
        results.replaceAll(r -> committed.unwritten().getOrDefault(r.path(), r));
        report = new Report(VersionProvider.version(), results, Catalogue.infos());
      }
    }
    if (live.isPresent()) {
      live.get().finish(report);
    } else {
      reportOutput.write(report, threshold, reportToStandardError);
    }
    boolean failed = threshold.threshold().isPresent() && report.anyAtLeast(threshold.threshold().get());
    int exit = Math.max(code, failed ? ExitCode.FINDINGS : ExitCode.OK);
    return report.anyInternalError() ? ExitCode.INTERNAL : exit;
  }

  /**
   * Large batches are read and checked on all cores; results and messages keep the order given. Each
   * thread, this one and the common pool's, takes the next file not yet taken: no stream and no
   * lambda, whose linking a cold start pays for (LambdaFreeTest; the training run takes this path
   * too, so its classes are in the start-up archive). All start at once: checking the first file
   * alone first, so that threads would not race to link networknt's lambdas, cost 2,000 valid files
   * 3% and spared a batch of invalid ones nothing (its first file rarely needs the schema; 26 classes
   * are generated at run time either way, bench/README.md).
   */
  private List<Outcome> lintAll(List<Inputs.Input> inputs, Linter linter) {
    Outcome[] out = new Outcome[inputs.size()];
    if (inputs.size() < PARALLEL_FROM) {
      for (int i = 0; i < out.length; i++) {
        out[i] = lintOne(inputs.get(i), linter);
      }
      return Arrays.asList(out);
    }
    AtomicInteger next = new AtomicInteger(0);
    Runnable share = new Runnable() {
      @Override
      public void run() {
        for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
          out[i] = lintOne(inputs.get(i), linter);
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

  /** From this many files on, files are checked in parallel (below it, threads cost more than they save). */
  static final int PARALLEL_FROM = 64;

  /** At most this many servers are probed at once: N stalled servers cost about N / 4 budgets, not N. */
  private static final int PROBES_AT_ONCE = 4;

  /** One input or one --merge list: its results and, when it was judged, what the probe needs. */
  private record Unit(String name, List<FileResult> results, Optional<Linter.Judged> judged) {
    Unit probed(List<FileResult> probedResults) {
      return new Unit(name, probedResults, judged);
    }
  }

  /** One input's unit, or why it could not be read. */
  private record Outcome(Unit unit, String error) {}

  private Outcome lintOne(Inputs.Input input, Linter linter) {
    try {
      SourceFile source = input.isStdin()
          ? SourceLoader.load(environment.in(), "-")
          : SourceLoader.load(input.path(), input.display());
      // A class, not a lambda: the lint path links none (LambdaFreeTest).
      return new Outcome(judge(input.display(), new Supplier<>() {
        @Override
        public Linter.Judged get() {
          return check(linter, List.of(source), Collections.singletonList(input.path()));
        }
      }), null);
    } catch (SourceLoader.UnreadableException e) {
      return new Outcome(null, e.getMessage());
    }
  }

  /** The unit of a check that may fail (an internal error is that file's result, not the run's end). */
  private Unit judge(String name, Supplier<Linter.Judged> check) {
    Linter.Judged judged;
    try {
      judged = check.get();
    } catch (UsageException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Unit(name, internalError(name, e), Optional.empty());
    }
    return unit(name, judged);
  }

  private Unit unit(String name, Linter.Judged judged) {
    if (probe) {
      return new Unit(name, judged.results(), Optional.of(judged));
    }
    // Without a probe nothing reads the tree again, and only a finding's excerpt reads the source:
    // a large batch keeps neither for its clean files (less to hold, less for the collector to copy).
    List<FileResult> kept = new ArrayList<>(judged.results().size());
    for (FileResult r : judged.results()) {
      kept.add(r.withoutUnneededSource());
    }
    return new Unit(name, List.copyOf(kept), Optional.empty());
  }

  /** Probes every judged unit, a few at once, each isolated; the units keep their order. */
  private List<Unit> probeAll(List<Unit> units, ProbeRun probeRun, Linter linter, Optional<LiveProgress> live) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PROBES_AT_ONCE, units.size())), r -> {
      Thread t = new Thread(r, "smtplint-probe");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Unit>> probed = new ArrayList<>();
      for (Unit unit : units) {
        probed.add(pool.submit(() -> unit.judged().isEmpty() ? unit : unit.probed(isolated(unit.name(),
            () -> probeRun.probe(unit.judged().get(), linter,
                live.map(l -> l.listener(unit.name())).orElse(ProbeListener.NONE))))));
      }
      List<Unit> out = new ArrayList<>();
      for (Future<Unit> f : probed) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while probing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UsageException usage) {
        throw usage; // a probe option the run cannot use (an unreadable --ca-file): exit 2, as before
      }
      throw new IllegalStateException("a probe task failed outside its isolation", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One file's (or one merged list's) check, isolated: whatever goes wrong inside smtplint there —
   * a bug, a StackOverflowError, an OutOfMemoryError of that task — becomes that file's internal
   * error, and every other file is still checked and reported.
   */
  private List<FileResult> isolated(String path, Supplier<List<FileResult>> check) {
    try {
      return check.get();
    } catch (UsageException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return internalError(path, e);
    }
  }

  /** A failure of smtplint's own on one input: that input's result (the stack with --debug). */
  private List<FileResult> internalError(String path, Throwable e) {
    if (debug) {
      synchronized (environment.err()) {
        e.printStackTrace(environment.err());
      }
    }
    return List.of(FileResult.internalError(path, e));
  }

  /**
   * The settings' SITE_CONFIG_FILE list, as Sourcegraph loads it where every file is present; a file
   * that is absent here (the secrets file git ignores) is left out and said so, and the settings it
   * would supply are not missed.
   */
  private Optional<Unit> lintSiteConfig(Linter linter) {
    Path cwd = Path.of("").toAbsolutePath();
    List<SourceFile> sources = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Path file : siteConfig) {
      String name = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
      if (!Files.exists(file)) {
        absent.add(name);
        continue;
      }
      try {
        sources.add(SourceLoader.load(file, name));
      } catch (SourceLoader.UnreadableException e) {
        environment.complain(e.getMessage() + " (listed in the settings' siteConfig)");
        return Optional.empty();
      }
    }
    if (!absent.isEmpty()) {
      environment.complain("note: " + String.join(", ", absent) + " (listed in the settings' siteConfig) "
          + (absent.size() == 1 ? "is" : "are") + " not here: the settings " + (absent.size() == 1 ? "it supplies" : "they supply")
          + " are not checked in this run");
    }
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    String list = String.join(":", sources.stream().map(SourceFile::path).toList());
    List<Path> paths = siteConfig.stream().filter(Files::exists).toList();
    return Optional.of(judge(list, () -> fixRun == null ? linter.checkMerged(sources, absent) : fixRun.fix(linter, sources, paths, absent)));
  }

  /** One --merge list: every file must be readable, or the list is not judged (exit 2). */
  private Optional<Unit> lintMerged(String list, Linter linter) {
    List<SourceFile> sources = new ArrayList<>();
    boolean readable = true;
    for (String name : list.split(":")) {
      if (name.isEmpty()) {
        continue;
      }
      try {
        sources.add(SourceLoader.load(Path.of(name), name));
      } catch (SourceLoader.UnreadableException e) {
        environment.complain(e.getMessage() + " (named in --merge " + list + ")");
        readable = false;
      }
    }
    if (!readable || sources.isEmpty()) {
      return Optional.empty();
    }
    List<Path> paths = sources.stream().map(src -> Path.of(src.path())).toList();
    return Optional.of(judge(list, () -> check(linter, sources, paths)));
  }

  /** -o naming a file smtplint reads (a FILE, a --merge member, a siteConfig file) is refused before anything is read. */
  private void refuseOutputOntoInput(Inputs.Expanded expanded) {
    if (output == null || !Files.exists(output) || AtomicFiles.isSystemStream(output)) {
      return;
    }
    List<Path> inputs = new ArrayList<>(siteConfig);
    for (Inputs.Input input : expanded.inputs()) {
      if (!input.isStdin()) {
        inputs.add(input.path());
      }
    }
    for (String list : merges) {
      for (String name : list.split(":")) {
        if (!name.isEmpty()) {
          inputs.add(Path.of(name));
        }
      }
    }
    for (Path input : inputs) {
      try {
        if (Files.exists(input) && Files.isSameFile(output, input)) {
          throw new UsageException("-o " + output + " is also an input; smtplint never writes its report over a file it reads");
        }
      } catch (IOException e) {
        // an input that cannot be examined is reported when it is read
      }
    }
  }

  /** The files judged; with --fix or --diff, after fixing them in memory. */
  private Linter.Judged check(Linter linter, List<SourceFile> sources, List<Path> paths) {
    return fixRun == null ? linter.checkMerged(sources) : fixRun.fix(linter, sources, paths, List.of());
  }

  private Settings settings(List<FileResult> results, boolean passwordFromEnvironment) {
    Optional<Path> file = isolated ? Optional.empty() : config != null ? Optional.of(config) : ProjectSettingsFile.find();
    Settings base = Settings.DEFAULT;
    if (file.isPresent()) {
      if (config != null && !Files.exists(config)) {
        throw new UsageException(config + ": no such settings file");
      }
      try {
        ProjectSettings project = ProjectSettings.parse(SourceLoader.load(file.get(), file.get().toString()));
        base = project.settings();
        Path dir = file.get().toAbsolutePath().normalize().getParent();
        Containment repository = Containment.of(file.get());
        for (String name : project.siteConfig()) {
          Containment.Result inside = repository.resolve(dir, name);
          if (inside.path().isEmpty()) {
            throw new UsageException("settings: " + file.get() + ": \"siteConfig\" names \"" + name + "\", which "
                + inside.refusal() + ": smtplint reads and writes nothing outside the repository");
          }
          siteConfig.add(inside.path().get());
        }
        if (!project.findings().findings().isEmpty()) {
          results.add(project.findings());
        }
      } catch (SourceLoader.UnreadableException | ProjectSettings.InvalidException e) {
        throw new UsageException("settings: " + e.getMessage());
      } catch (IOException e) {
        throw new UsageException("settings: " + file.get() + ": its directory cannot be resolved");
      }
    }
    Set<String> disabled = new HashSet<>(base.disabled());
    for (String id : disable) {
      requireRule(id, "--disable");
      disabled.add(id);
    }
    for (String id : enable) {
      requireRule(id, "--enable");
      disabled.remove(id);
    }
    Optional<FailOn> fail = base.failOn();
    if (failOn != null) {
      fail = FailOn.parse(failOn);
      if (fail.isEmpty()) {
        throw new UsageException("--fail-on takes error, warning, info or never, not \"" + failOn + "\"");
      }
    }
    Map<String, Severity> severity = new HashMap<>(base.severity());
    return new Settings(disabled, severity, fail, passwordFromEnvironment);
  }

  private static void requireRule(String id, String option) {
    if (!Catalogue.exists(id)) {
      throw new UsageException(option + ": no rule \"" + id + "\" (see `smtplint rules`)");
    }
  }

  /**
   * The schema, compiled once per process when a file first needs it (a valid file never does). An anonymous class,
   * not a method reference: on Java 17 each lambda costs a link (~130 µs) on every cold start.
   */
  private static final class EmailSchemaHolder {
    static final Supplier<EmailSchema> SUPPLIER = new Supplier<>() {
      @Override
      public EmailSchema get() {
        return Compiled.SCHEMA;
      }
    };

    private static final class Compiled {
      static final EmailSchema SCHEMA = EmailSchema.load();
    }
  }
}
