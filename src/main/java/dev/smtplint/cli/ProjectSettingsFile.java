package dev.smtplint.cli;

import dev.smtplint.check.FailOn;
import dev.smtplint.check.ProjectSettings;
import dev.smtplint.check.Settings;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * .smtplint.json: found in the working directory, then at the root of the enclosing git checkout
 * (or named by --config; none with --isolated), read, and merged with the command line, which wins.
 * Its siteConfig paths are contained in the repository (SPEC §5, §10).
 */
final class ProjectSettingsFile {
  static final String NAME = ".smtplint.json";

  private ProjectSettingsFile() {}

  /**
   * The settings in force, the settings' siteConfig list (absolute), and the settings file's own
   * findings.
   */
  record Loaded(Settings settings, List<Path> siteConfig, Optional<FileResult> findings) {
    Loaded {
      siteConfig = List.copyOf(siteConfig);
    }
  }

  static Optional<Path> find() {
    Path cwd = Path.of("").toAbsolutePath();
    if (Files.isRegularFile(cwd.resolve(NAME))) {
      return Optional.of(Path.of(NAME));
    }
    for (Path dir = cwd; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        Path candidate = dir.resolve(NAME);
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  static Loaded load(LintOptions options) {
    Optional<Path> file =
        options.isolated()
            ? Optional.empty()
            : options.config().isPresent() ? options.config() : find();
    Settings base = Settings.DEFAULT;
    List<Path> siteConfig = new ArrayList<>();
    Optional<FileResult> findings = Optional.empty();
    if (file.isPresent()) {
      if (options.config().isPresent() && !Files.exists(options.config().get())) {
        throw new UsageException(options.config().get() + ": no such settings file");
      }
      try {
        ProjectSettings project =
            ProjectSettings.parse(SourceLoader.load(file.get(), file.get().toString()));
        base = project.settings();
        Path dir = file.get().toAbsolutePath().normalize().getParent();
        Containment repository = Containment.of(file.get());
        for (String name : project.siteConfig()) {
          Containment.Result inside = repository.resolve(dir, name);
          if (inside.path().isEmpty()) {
            throw new UsageException(
                "settings: "
                    + file.get()
                    + ": \"siteConfig\" names \""
                    + name
                    + "\", which "
                    + inside.refusal()
                    + ": smtplint reads and writes nothing outside the repository");
          }
          siteConfig.add(inside.path().get());
        }
        if (!project.findings().findings().isEmpty()) {
          findings = Optional.of(project.findings());
        }
      } catch (SourceLoader.UnreadableException | ProjectSettings.InvalidException e) {
        throw new UsageException("settings: " + e.getMessage());
      } catch (IOException e) {
        throw new UsageException("settings: " + file.get() + ": its directory cannot be resolved");
      }
    }
    Set<String> disabled = new HashSet<>(base.disabled());
    disabled.addAll(options.disable());
    disabled.removeAll(options.enable());
    Optional<FailOn> fail = options.failOn().isPresent() ? options.failOn() : base.failOn();
    Map<String, Severity> severity = new HashMap<>(base.severity());
    return new Loaded(
        new Settings(disabled, severity, fail, options.passwordFromEnvironment()),
        siteConfig,
        findings);
  }
}
