package dev.smtplint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds .smtplint.json: in the working directory, then at the root of the enclosing git checkout. */
final class ProjectSettingsFile {
  static final String NAME = ".smtplint.json";

  private ProjectSettingsFile() {}

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
}
