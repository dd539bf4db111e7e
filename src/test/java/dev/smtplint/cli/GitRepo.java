package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/** A git work tree for a test: what decides password-in-file, walks and settings lookups. */
final class GitRepo {
  private GitRepo() {}

  /** {@code git init -q} in {@code dir}, which must succeed; {@code dir} again. */
  static Path init(Path dir) throws Exception {
    Process git = new ProcessBuilder("git", "init", "-q").directory(dir.toFile()).start();
    assertEquals(0, git.waitFor(), "git init in " + dir);
    return dir;
  }
}
