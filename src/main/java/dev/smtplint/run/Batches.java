package dev.smtplint.run;

import dev.smtplint.check.Judgement;
import dev.smtplint.check.Linter;
import dev.smtplint.check.Outcome;
import dev.smtplint.check.Settings;
import dev.smtplint.check.VersionControl;
import dev.smtplint.deploy.ManifestSources;
import dev.smtplint.fix.FixRun;
import dev.smtplint.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A run's units judged, one batch for each set of settings that governs some inputs (SPEC §5). */
public final class Batches {
  private Batches() {}

  /** Units judged under one set of settings, with the linter and checks that judged them. */
  public record Batch(Settings settings, Linter linter, UnitChecks checks, List<Judgement> units) {}

  /** What the command line asked of the judging. */
  public record Asked(
      Optional<FixRun> fixRun,
      boolean probe,
      boolean debug,
      boolean stdinYaml,
      List<String> files) {}

  /** The batches, and whether an input could not be read at all (exit 2, and why). */
  public record Judged(List<Batch> batches, boolean inputError, List<String> inputErrors) {}

  /**
   * Each group's units judged with its own linter: its YAML files together first (a compose file's
   * list reads local files, which are then not linted alone), then its other units in order.
   */
  public static Judged judge(
      Environment environment,
      List<SettingsBatches.Governed> governed,
      ManifestSources manifestSources,
      Asked asked,
      VersionControl versionControl,
      Set<Path> merged) {
    List<Batch> batches = new ArrayList<>();
    boolean inputError = false;
    List<String> inputErrors = new ArrayList<>();
    int skipped = 0;
    for (SettingsBatches.Governed g : governed) {
      Settings settings = g.loaded().settings();
      Linter linter =
          new Linter(
              settings,
              EmailSchemaHolder.SUPPLIER,
              manifestSources.versioned,
              manifestSources.heldIn,
              environment.rules());
      UnitChecks checks =
          new UnitChecks(
              environment,
              linter,
              asked.fixRun(),
              asked.probe(),
              asked.debug(),
              Optional.of(versionControl));
      List<Judgement> judged = new ArrayList<>();
      List<Inputs.Input> yaml = new ArrayList<>();
      List<Inputs.Input> json = new ArrayList<>();
      for (Inputs.Input input : g.inputs()) {
        (isYaml(input, asked.stdinYaml()) ? yaml : json).add(input);
      }
      // Manifests first: a compose file's list reads local files, which are then not linted alone.
      Set<Path> read = new HashSet<>(merged);
      List<Outcome> outcomes = new ArrayList<>();
      if (!yaml.isEmpty()) { // a run without YAML (nearly every one) pays nothing for it
        Set<Path> jsonPaths = new HashSet<>();
        for (Inputs.Input input : json) {
          if (!input.isStdin()) {
            jsonPaths.add(input.path().toAbsolutePath().normalize());
          }
        }
        outcomes.addAll(
            checks.manifests(yaml, named(yaml, asked.files()), manifestSources, read, jsonPaths));
      }
      outcomes.addAll(checks.check(UnitPlan.of(g.merges(), json, read, g.loaded().siteConfig())));
      for (Outcome o : outcomes) {
        if (o == Outcome.SKIPPED) {
          skipped++;
          continue;
        }
        for (String error : o.errors()) {
          environment.complain(error);
        }
        if (o.judgement().isPresent()) {
          judged.add(o.judgement().get());
        } else {
          inputError = true;
          inputErrors.addAll(o.errors());
        }
      }
      batches.add(new Batch(settings, linter, checks, judged));
    }
    if (skipped > 0) {
      environment.complain(
          "note: "
              + skipped
              + (skipped == 1 ? " file" : " files")
              + " of the walked directories "
              + (skipped == 1 ? "is" : "are")
              + " neither a site config nor a manifest (package.json, dashboards, Helm templates …):"
              + " skipped; name one to lint it");
    }
    return new Judged(batches, inputError, inputErrors);
  }

  /** A YAML file (a Kubernetes manifest, rendered Helm or kustomize, a compose file). */
  private static boolean isYaml(Inputs.Input input, boolean stdinYaml) {
    return input.isStdin() ? stdinYaml : Manifest.isYamlName(input.display());
  }

  /** The YAML inputs the command line names itself (not found by a walk). */
  private static Set<Inputs.Input> named(List<Inputs.Input> yaml, List<String> files) {
    Set<Path> args = new HashSet<>(); // once per argument: pre-commit names thousands of files
    for (String file : files) {
      if (!file.equals("-")) {
        args.add(Path.of(file).toAbsolutePath().normalize());
      }
    }
    Set<String> spelled = new HashSet<>(files);
    Set<Inputs.Input> out = new HashSet<>();
    for (Inputs.Input input : yaml) {
      if (input.isStdin()
          || spelled.contains(input.display())
          || args.contains(input.path().toAbsolutePath().normalize())) {
        out.add(input);
      }
    }
    return out;
  }

  /**
   * The releases the batches judged for, named with where each came from, and those a frontend's
   * image tag named (none: the newest).
   */
  public static List<String> judgedFor(List<Batch> batches, java.util.Set<String> images) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Batch b : batches) {
      if (b.settings().release().isPresent()) {
        out.add(
            "Sourcegraph "
                + b.settings().release().get()
                + " ("
                + b.settings().releaseFrom()
                + ")");
      }
    }
    out.addAll(images);
    return List.copyOf(out);
  }
}
