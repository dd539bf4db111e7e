package dev.smtplint.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository a settings file belongs to, and the paths it may name there (SPEC §5, §10):
 * relative to the settings file's directory, inside the repository (the git work tree that holds
 * the settings file, else its directory), and through no symbolic link that leads out of it.
 */
public final class Containment {
  private final Path root;
  private final Path realRoot;

  private Containment(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /**
   * The repository of a settings file: the nearest directory above it with a .git, else its own
   * directory.
   */
  public static Containment of(Path settingsFile) throws IOException {
    Path dir = settingsFile.toAbsolutePath().normalize().getParent();
    Path root = dir;
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        root = d;
        break;
      }
    }
    return new Containment(root, root.toRealPath());
  }

  /**
   * The tree below {@code dir} as a repository of its own: a renderer's origin is looked for there
   * (below the working directory, never above it).
   */
  public static Containment below(Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    return new Containment(root, root.toRealPath());
  }

  public Path root() {
    return root;
  }

  /** {@code name} as the settings file in {@code dir} lists it, or why it may not be read. */
  public Result resolve(Path dir, String name) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      return Result.refused("is not a file name");
    }
    Path given;
    try {
      given = Path.of(name);
    } catch (RuntimeException e) {
      return Result.refused("is not a file name");
    }
    if (given.isAbsolute() || name.startsWith("~")) {
      return Result.refused("is an absolute path; paths are relative to the settings file");
    }
    Path resolved = dir.resolve(given).normalize();
    if (!resolved.startsWith(root)) {
      return Result.refused("leads outside the repository (" + root + ")");
    }
    // Every component that exists, resolved: a link at any of them must not lead out.
    Path existing = resolved;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing != null && !existing.toRealPath().startsWith(realRoot)) {
        return Result.refused("goes through a symbolic link that leads outside the repository");
      }
    } catch (IOException e) {
      return Result.refused("goes through a symbolic link that cannot be resolved");
    }
    return new Result(Optional.of(resolved), "");
  }

  /** A path inside the repository, or the reason it is refused. */
  public record Result(Optional<Path> path, String refusal) {
    static Result refused(String why) {
      return new Result(Optional.empty(), why);
    }
  }
}
