package dev.smtplint.run;

import dev.smtplint.check.Excludes;
import dev.smtplint.check.FailOn;
import dev.smtplint.check.ProjectSettings;
import dev.smtplint.check.Settings;
import dev.smtplint.config.Containment;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.config.SourcegraphVersion;
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
 * .smtplint.json: the nearest to each linted file up to its git root, else the working directory's,
 * then the enclosing git checkout's root's (or named by --config; none with --isolated), read, and
 * merged with the command line, which wins. Its siteConfig paths are contained in the repository
 * (SPEC §5, §10).
 */
public final class ProjectSettingsFile {
  public static final String NAME = dev.smtplint.check.ProjectSettings.FILE_NAME;

  private ProjectSettingsFile() {}

  /**
   * The settings in force, the settings' siteConfig list (absolute), and the settings file's own
   * findings.
   */
  public record Loaded(
      Settings settings, List<Path> siteConfig, Optional<FileResult> findings, Excludes exclude) {
    public Loaded {
      siteConfig = List.copyOf(siteConfig);
    }
  }

  /**
   * The working directory's settings file, else its git root's; else, when smtplint is run from
   * outside the repository it lints, the same search from the first input named (the nearest
   * .smtplint.json on the way up to that input's git root), as ruff finds pyproject.toml.
   */
  public static Optional<Path> find(List<String> inputs) {
    Path cwd = Path.of("").toAbsolutePath();
    Optional<Path> here = nearest(cwd, true);
    if (here.isPresent() && here.get().equals(cwd.resolve(NAME))) {
      return Optional.of(Path.of(NAME)); // no lambda on the lint path (LambdaFreeTest)
    }
    if (here.isPresent() || inputs.isEmpty() || inputs.get(0).equals("-")) {
      return here;
    }
    Path first = Path.of(inputs.get(0)).toAbsolutePath().normalize();
    Path start = Files.isDirectory(first) ? first : first.getParent();
    return start == null ? Optional.empty() : nearest(start, false);
  }

  /**
   * From {@code dir} up to its git root: {@code dir}'s own file and the root's only ({@code ends}),
   * or the nearest on the way (an input's directory).
   */
  private static Optional<Path> nearest(Path dir, boolean ends) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve(NAME);
      boolean root = Files.exists(d.resolve(".git"));
      if ((!ends || d.equals(dir) || root) && Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (root) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * What the command line says of the settings: the inputs a search starts from, --config,
   * --isolated, --disable, --enable, --fail-on, --password-env (given or not),
   * --sourcegraph-version.
   */
  public record Request(
      List<String> files,
      List<String> merges,
      Optional<Path> config,
      boolean isolated,
      List<String> disable,
      List<String> enable,
      Optional<FailOn> failOn,
      boolean passwordFromEnvironment,
      Optional<SourcegraphVersion> sourcegraphVersion) {}

  /**
   * Which settings govern each input: the nearest .smtplint.json from the input's directory up to
   * its git root, as ruff finds pyproject.toml; where there is none (or for standard input), the
   * run's own (the working directory's, else its git root's). One walk per directory.
   */
  public static final class Nearest {
    private final Path cwd = Path.of("").toAbsolutePath();
    private final Optional<Path> fallback;
    private final Map<Path, Optional<Path>> byDirectory = new HashMap<>();
    private final Map<Path, Optional<Path>> byWrittenDirectory = new HashMap<>();
    private Path lastWritten;
    private Optional<Path> lastFound;

    public Nearest(Request options) {
      this.fallback = find(inputsOf(options));
    }

    /** The settings file for an input ({@code null}: standard input), as the run shows its path. */
    public Optional<Path> forInput(Path input) {
      if (input == null) {
        return fallback;
      }
      // the directory as written first: a walk's 2,000 files share one, worked out once; the last
      // one is compared in place (no copy of the parent, no hash)
      if (lastWritten != null
          && input.getNameCount() == lastWritten.getNameCount() + 1
          && input.startsWith(lastWritten)) {
        return lastFound;
      }
      Path written = input.getParent();
      Optional<Path> known = written == null ? null : byWrittenDirectory.get(written);
      if (known != null) {
        lastWritten = written;
        lastFound = known;
        return known;
      }
      Optional<Path> found = forDirectory(input);
      if (written != null) {
        byWrittenDirectory.put(written, found);
        lastWritten = written;
        lastFound = found;
      }
      return found;
    }

    private Optional<Path> forDirectory(Path input) {
      Path dir = input.toAbsolutePath().normalize().getParent(); // inputs are files, walks done
      if (dir == null) {
        return fallback;
      }
      Optional<Path> found = byDirectory.get(dir);
      if (found == null) {
        Optional<Path> near = nearest(dir, false);
        found = near.isPresent() ? Optional.of(shown(near.get())) : fallback;
        byDirectory.put(dir, found);
      }
      return found;
    }

    /** A settings file under the working directory by its relative path, as messages show it. */
    private Path shown(Path absolute) {
      return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }
  }

  /** The same settings file however it was spelt (a key for grouping inputs by their settings). */
  public static Optional<Path> identity(Optional<Path> file) {
    return file.isPresent()
        ? Optional.of(file.get().toAbsolutePath().normalize())
        : Optional.empty();
  }

  /** The inputs a settings search may start from: the FILEs, else the first --merge member. */
  private static List<String> inputsOf(Request options) {
    if (!options.files().isEmpty()) {
      return options.files();
    }
    return options.merges().isEmpty()
        ? List.of()
        : List.of(new Unit.Merge(options.merges().get(0)).first());
  }

  /**
   * Whether each input finds its own settings: not when --isolated or --config settles them for the
   * whole run.
   */
  public static boolean perInput(Request options) {
    return !options.isolated() && options.config().isEmpty();
  }

  public static Loaded load(Request options) {
    return load(
        options,
        options.isolated()
            ? Optional.empty()
            : options.config().isPresent() ? options.config() : find(inputsOf(options)));
  }

  /** The settings of {@code file} (none: the defaults), merged with the command line. */
  public static Loaded load(Request options, Optional<Path> file) {
    Settings base = Settings.DEFAULT;
    List<Path> siteConfig = new ArrayList<>();
    Optional<FileResult> findings = Optional.empty();
    Excludes exclude = Excludes.NONE;
    if (file.isPresent()) {
      if (options.config().isPresent() && !Files.exists(options.config().get())) {
        throw new UsageException(options.config().get() + ": no such settings file");
      }
      try {
        ProjectSettings project =
            ProjectSettings.parse(SourceLoader.load(file.get(), file.get().toString()));
        base = project.settings();
        Path dir = file.get().toAbsolutePath().normalize().getParent();
        if (!project.exclude().isEmpty()) {
          exclude = new Excludes(dir, project.exclude());
        }
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
    Settings settings = new Settings(disabled, severity, fail, options.passwordFromEnvironment());
    if (options.sourcegraphVersion().isPresent()) {
      settings = settings.judgingFor(options.sourcegraphVersion().get(), "--sourcegraph-version");
    } else if (base.release().isPresent()) {
      settings = settings.judgingFor(base.release().get(), base.releaseFrom());
    }
    return new Loaded(settings, siteConfig, findings, exclude);
  }
}
