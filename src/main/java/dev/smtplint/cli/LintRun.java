package dev.smtplint.cli;

import dev.smtplint.check.FailOn;
import dev.smtplint.check.Judgement;
import dev.smtplint.check.Settings;
import dev.smtplint.check.VersionControl;
import dev.smtplint.deploy.ManifestSources;
import dev.smtplint.fix.FixRun;
import dev.smtplint.probe.CaFile;
import dev.smtplint.probe.ProbeListener;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Report;
import dev.smtplint.report.format.Format;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.run.Batches;
import dev.smtplint.run.Environment;
import dev.smtplint.run.Inputs;
import dev.smtplint.run.InstanceRun;
import dev.smtplint.run.ProbeRun;
import dev.smtplint.run.ProjectSettingsFile;
import dev.smtplint.run.ReportOrder;
import dev.smtplint.run.SettingsBatches;
import dev.smtplint.run.StandardInput;
import dev.smtplint.run.Unit;
import dev.smtplint.run.UnitChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One run of {@code lint}, from checked options to the exit code: the settings read, the units
 * planned in the order the command line gives them, each judged ({@link UnitChecks}), probed a few
 * at once, fixed or diffed, and the report written. Nothing here goes back to an earlier step.
 */
final class LintRun {

  private Environment environment; // standard input is wrapped once it has been peeked at

  /** The run's manifests' sources: which frontend image tags named which release. */
  private Optional<ManifestSources> manifestSources = Optional.empty();

  private final LintOptions options;
  private final ReportOutput reportOutput;

  LintRun(Environment environment, LintOptions options) {
    this.environment = environment;
    this.options = options;
    this.reportOutput =
        new ReportOutput(
            environment,
            options.format(),
            options.output().orElse(null),
            options.quiet(),
            options.verbose(),
            options.noColor(),
            options.colorWhen());
  }

  int run() throws IOException {
    Optional<ProbeRun> probeRun =
        options.probe()
            ? Optional.of(ProbeRun.create(options.probeRequest(), environment.env()))
            : Optional.empty();
    if (options.instance().isPresent()) {
      ProjectSettingsFile.Loaded loaded = ProjectSettingsFile.load(options.settingsRequest());
      List<FileResult> results = new ArrayList<>();
      if (loaded.findings().isPresent()) {
        results.add(loaded.findings().get()); // no lambda on the lint path (LambdaFreeTest)
      }
      return instance(loaded.settings(), probeRun, results);
    }
    boolean stdinYaml = false;
    if (options.files().contains("-")) {
      StandardInput.Peeked peeked = StandardInput.peek(environment, options.stdinFilename());
      environment = peeked.environment();
      stdinYaml = peeked.yaml();
    }
    Optional<FixRun> fixRun =
        options.fixing().any()
            ? Optional.of(new FixRun(options.fixing().unsafe(), options.fixing().fix()))
            : Optional.empty();
    VersionControl versionControl = new VersionControl();
    Inputs.Expanded expanded =
        Inputs.expand(options.files(), versionControl, options.stdinFilename());
    List<SettingsBatches.Governed> governed =
        SettingsBatches.of(expanded, options.settingsRequest(), options.merges());
    List<FileResult> results = SettingsBatches.findings(governed);
    List<Path> siteConfig = SettingsBatches.siteConfig(governed);
    Inputs.refuseOutputOntoInput(options.output(), expanded, siteConfig, options.merges());
    List<String> inputErrors = expanded.said(environment); // each said; the fatal ones kept
    int code = inputErrors.isEmpty() ? ExitCode.OK : ExitCode.USAGE;
    Set<Path> merged = Unit.Merge.members(options.merges());
    ManifestSources manifestSources = new ManifestSources(versionControl);
    this.manifestSources = Optional.of(manifestSources);
    Batches.Judged judged =
        Batches.judge(
            environment,
            governed,
            manifestSources,
            new Batches.Asked(fixRun, options.probe(), options.debug(), stdinYaml, options.files()),
            versionControl,
            merged);
    code = judged.inputError() ? ExitCode.USAGE : code;
    inputErrors.addAll(judged.inputErrors());
    List<Batches.Batch> batches = judged.batches();
    return finish(batches, results, probeRun, fixRun, code, inputErrors);
  }

  /**
   * --instance: the instance's effective site configuration in place of files. REDACTED there means
   * "not visible here", not a finding; --probe --to asks the instance to send, --password-env
   * probes locally (when the instance shows the username).
   */
  private int instance(Settings base, Optional<ProbeRun> probeRun, List<FileResult> results)
      throws IOException {
    Optional<CaFile> ca =
        probeRun.isPresent() ? probeRun.get().caFile() : ProbeRun.caFile(options.probeRequest());
    InstanceRun run =
        InstanceRun.open(options.instance().get(), environment.env(), options.timeout(), ca);
    InstanceRun.Judged judged =
        InstanceRun.judge(
            environment,
            base,
            run,
            probeRun.isPresent() && options.passwordEnv().isEmpty()
                ? options.to()
                : Optional.empty(),
            probeRun.isPresent(),
            options.debug());
    // the instance sent (--probe --to), or the probe runs here (--password-env), or none does
    return finish(
        List.of(judged.batch()),
        results,
        judged.sent() ? Optional.empty() : probeRun,
        Optional.empty(),
        ExitCode.OK,
        List.of());
  }

  /**
   * Probes (when asked), fixes or diffs, writes the report and decides the exit code: the same for
   * files and an instance.
   */
  private int finish(
      List<Batches.Batch> batches,
      List<FileResult> results,
      Optional<ProbeRun> probeRun,
      Optional<FixRun> fixRun,
      int code,
      List<String> inputErrors)
      throws IOException {
    // The report shows findings against the first settings' threshold (the command line's when it
    // gives one); the exit code holds each batch to its own.
    FailOn threshold =
        batches.isEmpty()
            ? options.failOn().orElse(FailOn.ERROR)
            : batches.get(0).settings().failOn().orElse(FailOn.ERROR);
    // The report's lines as they come when it goes to a terminal; a status line on standard error
    // when that is a terminal (cut to its width); otherwise the report is written whole at the end.
    boolean linesLive =
        probeRun.isPresent()
            && options.format() == Format.Name.TEXT
            && options.output().isEmpty()
            && !options.quiet()
            && reportOutput.terminalLive();
    java.util.OptionalInt width =
        probeRun.isPresent()
            ? ErrorTerminal.width(environment.env())
            : java.util.OptionalInt.empty();
    Optional<LiveProgress> live =
        linesLive || width.isPresent()
            ? Optional.of(
                new LiveProgress(
                    environment.out(),
                    environment.err(),
                    reportOutput.textFormat(),
                    linesLive,
                    width))
            : Optional.empty();
    if (live.isPresent()) {
      for (Batches.Batch b : batches) {
        for (Judgement u : b.units()) {
          u.results().forEach(live.get()::staticFindings);
        }
      }
    }
    Function<String, ProbeListener> listeners = null; // no lambda on the lint path without --probe
    if (probeRun.isPresent()) {
      listeners = live.isPresent() ? live.get()::listener : name -> ProbeListener.NONE;
    }
    ReportOrder.Collected collected =
        ReportOrder.collect(batches, results, threshold, probeRun, listeners);
    results = collected.results();
    List<FailOn> thresholds = collected.thresholds();
    for (FileResult r : results) {
      if (r.internalError().isPresent()) {
        environment.complain(r.path() + ": " + r.internalError().get());
      }
    }
    boolean reportToStandardError = false;
    if (fixRun.isPresent()) {
      fixRun.get().inReportOrder(results);
      if (options.fixing().diff()) {
        environment.out().print(fixRun.get().diff());
        environment.complain(
            fixRun.get().wouldFix() + "; " + ReportOrder.remaining(results) + " after the fixes");
        return Math.max(code, fixRun.get().changed().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS);
      }
      FixRun.Committed committed = fixRun.get().commit(environment.out(), environment::complain);
      code = Math.max(code, committed.refused() ? ExitCode.USAGE : ExitCode.OK);
      // With --fix on standard input, standard output carries the fixed text, and the report goes
      // to standard error.
      reportToStandardError = committed.wroteStandardOutput();
      if (!committed.unwritten().isEmpty()) {
        // A file that could not be written is reported as it is on disk, not as it would have been.
        results.replaceAll(r -> committed.unwritten().getOrDefault(r.path(), r));
      }
    }
    Report report =
        new Report(
            VersionProvider.version(),
            results,
            Catalogue.infos(),
            inputErrors,
            Batches.judgedFor(
                batches,
                manifestSources.isPresent()
                    ? manifestSources.get().judgedFor()
                    : java.util.Set.of()),
            ReportOrder.failOn(thresholds));
    if (results.isEmpty() && code == ExitCode.USAGE && options.format() == Format.Name.TEXT) {
      return code; // nothing was judged: the lines on standard error say why, and "0 errors in 0
      // files" would mislead
    }
    if (live.isPresent() && linesLive) {
      live.get().finish(report);
    } else {
      if (live.isPresent()) {
        live.get().stop(); // no method reference on the lint path (LambdaFreeTest)
      }
      reportOutput.write(report, threshold, reportToStandardError);
    }
    boolean failed = false;
    for (int i = 0; i < results.size(); i++) {
      failed |= ReportOrder.anyAtLeast(results.get(i), thresholds.get(i));
    }
    int exit = Math.max(code, failed ? ExitCode.FINDINGS : ExitCode.OK);
    return report.anyInternalError() ? ExitCode.INTERNAL : exit;
  }
}
