package dev.smtplint.run;

import dev.smtplint.fix.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Expands the command line's FILE arguments: a directory means every *.json / *.jsonc below it (not
 * those git ignores, nor node_modules, .git or the settings file .smtplint.json). A walk reads only
 * what is inside the directory it was given: it follows no link to a directory, and a link to a
 * file only when the file it ends at is a regular file inside that directory (a branch can commit
 * {@code site.json -> /proc/self/environ}). What it skips or cannot read, it says.
 */
public final class Inputs {
  /**
   * One input: a path to read, or standard input ({@code path} null); {@code walked}, found by a
   * directory's walk (a JSON file there is linted only if it is a site config: SPEC §2).
   */
  public record Input(String display, Path path, boolean walked) {
    public Input(String display, Path path) {
      this(display, path, false);
    }

    public boolean isStdin() {
      return path == null;
    }
  }

  /** Something an argument's walk could not read (exit 2) or chose not to (a note only). */
  public record Problem(String message, boolean fatal) {}

  public record Expanded(List<Input> inputs, List<Problem> problems) {
    /** Each problem said on standard error; the messages of those that stop the run (exit 2). */
    public List<String> said(Environment environment) {
      List<String> fatal = new ArrayList<>();
      for (Problem p : problems) {
        environment.complain(p.message());
        if (p.fatal()) {
          fatal.add(p.message());
        }
      }
      return fatal;
    }
  }

  private Inputs() {}

  /** The inputs, walks skipping what git ignores (asked once per directory). */
  public static Expanded expand(
      List<String> names, dev.smtplint.check.VersionControl versionControl) {
    return expand(names, versionControl, Optional.empty());
  }

  /**
   * {@code stdinName}: the file standard input stands for ({@code --stdin-filename}), its name in
   * every message; it is never read (standard input is).
   */
  public static Expanded expand(
      List<String> names,
      dev.smtplint.check.VersionControl versionControl,
      Optional<String> stdinName) {
    return expand(
        names,
        new java.util.function.Predicate<>() { // no lambda on the lint path (LambdaFreeTest)
          @Override
          public boolean test(String path) {
            return versionControl.ignores(path);
          }
        },
        stdinName);
  }

  /**
   * Directories a walk never enters: dependencies and version control, as ruff and ripgrep skip
   * them.
   */
  private static final java.util.Set<String> SKIPPED_DIRECTORIES =
      java.util.Set.of(".git", "node_modules", ".hg", ".svn");

  public static Expanded expand(List<String> args) {
    return expand(
        args,
        new java.util.function.Predicate<>() {
          @Override
          public boolean test(String path) {
            return false;
          }
        });
  }

  /**
   * {@code ignored}: whether git ignores a file a walk found (it is skipped; a file named on the
   * command line is read whatever git says).
   */
  public static Expanded expand(List<String> args, java.util.function.Predicate<String> ignored) {
    return expand(args, ignored, Optional.empty());
  }

  private static Expanded expand(
      List<String> args, java.util.function.Predicate<String> ignored, Optional<String> stdinName) {
    List<Input> inputs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-")) {
        inputs.add(new Input(stdinName.orElse("-"), null));
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        int[] skipped = new int[1];
        List<Path> found = configsBelow(path, problems, ignored, skipped);
        if (found.isEmpty() && !anyFatal(problems)) {
          problems.add(
              new Problem(
                  arg
                      + ": directory holds no *.json, *.jsonc, *.yaml or *.yml file"
                      + (skipped[0] > 0
                          ? " that git does not ignore ("
                              + skipped[0]
                              + " ignored: name one to lint it)"
                          : ""),
                  true));
        }
        for (Path p : found) {
          // One spelling for every path: "config/site.json", not "./config/site.json" from ".".
          Path shown = p.isAbsolute() ? p : p.normalize();
          inputs.add(new Input(shown.toString(), p, true));
        }
      } else {
        inputs.add(new Input(arg, path));
      }
    }
    return new Expanded(inputs, problems);
  }

  private static boolean anyFatal(List<Problem> problems) {
    for (Problem p : problems) {
      if (p.fatal()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConfigName(Path p) {
    String name = p.getFileName().toString();
    return (name.endsWith(".json")
            || name.endsWith(".jsonc")
            || dev.smtplint.manifest.Manifest.isYamlName(name))
        && !name.equals(dev.smtplint.check.ProjectSettings.FILE_NAME);
  }

  private static List<Path> configsBelow(
      Path dir,
      List<Problem> problems,
      java.util.function.Predicate<String> ignored,
      int[] skipped) {
    List<Path> found = new ArrayList<>();
    Path realRoot;
    try {
      realRoot = dir.toRealPath();
    } catch (IOException e) {
      problems.add(new Problem(dir + ": cannot be read (" + reason(e) + ")", true));
      return found;
    }
    try {
      Files.walkFileTree(
          dir,
          EnumSet.noneOf(FileVisitOption.class),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
              Path name = d.getFileName();
              return !d.equals(dir) && name != null && SKIPPED_DIRECTORIES.contains(name.toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isSymbolicLink() && Files.isDirectory(file)) {
                problems.add(
                    new Problem(file + ": a symbolic link to a directory; not followed", false));
                return FileVisitResult.CONTINUE;
              }
              if (!isConfigName(file)) {
                return FileVisitResult.CONTINUE;
              }
              if (ignored.test(file.toString())) {
                skipped[0]++; // .gitignored files are skipped, as ripgrep does
                return FileVisitResult.CONTINUE;
              }
              if (attributes.isRegularFile()) {
                found.add(file);
              } else if (attributes.isSymbolicLink()) {
                link(file);
              } else if (!attributes.isDirectory()) {
                problems.add(new Problem(file + ": not a regular file; skipped", false));
              }
              return FileVisitResult.CONTINUE;
            }

            private void link(Path file) {
              try {
                Path target = file.toRealPath();
                if (target.startsWith(realRoot) && Files.isRegularFile(target)) {
                  found.add(file);
                  return;
                }
              } catch (IOException e) {
                // a dangling link: skipped like one that leaves the directory
              }
              problems.add(
                  new Problem(
                      file
                          + ": a symbolic link that leaves "
                          + dir
                          + " or ends at no regular file; not followed",
                      false));
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(new Problem(file + ": cannot be read (" + reason(e) + ")", true));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(new Problem(dir + ": cannot be read (" + reason(e) + ")", true));
    }
    found.sort(null);
    return found;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT); // "file name too long", ...
    }
    return "an input/output error";
  }

  /**
   * -o naming a file smtplint reads (a FILE, a --merge member, a siteConfig file) is refused before
   * anything is read.
   */
  public static void refuseOutputOntoInput(
      Optional<Path> to, Expanded expanded, List<Path> siteConfig, List<String> merges) {
    Path output = to.orElse(null);
    if (output == null || !Files.exists(output) || AtomicFiles.isSystemStream(output)) {
      return;
    }
    List<Path> inputs = new ArrayList<>(siteConfig);
    for (Input input : expanded.inputs()) {
      if (!input.isStdin()) {
        inputs.add(input.path());
      }
    }
    for (String list : merges) {
      for (String name : new Unit.Merge(list).names()) {
        inputs.add(Path.of(name));
      }
    }
    for (Path input : inputs) {
      try {
        if (Files.exists(input) && Files.isSameFile(output, input)) {
          throw new UsageException(
              "-o "
                  + output
                  + " is also an input; smtplint never writes its report over a file it reads");
        }
      } catch (IOException e) {
        // an input that cannot be examined is reported when it is read
      }
    }
  }
}
