package dev.smtplint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the command line's FILE arguments: a directory means every *.json / *.jsonc below it. */
final class Inputs {
  /** One input: a path to read, or standard input ("-"). */
  record Input(String display, Path path) {
    boolean isStdin() {
      return path == null;
    }
  }

  /** An argument that yields nothing to read; it becomes a line on stderr and exit code 2. */
  record Problem(String message) {}

  record Expanded(List<Input> inputs, List<Problem> problems) {}

  private Inputs() {}

  static Expanded expand(List<String> args) {
    List<Input> inputs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-")) {
        inputs.add(new Input("-", null));
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        List<Path> found = configsBelow(path);
        if (found.isEmpty()) {
          problems.add(new Problem(arg + ": directory holds no *.json or *.jsonc file"));
        }
        found.forEach(p -> inputs.add(new Input(p.toString(), p)));
      } else {
        inputs.add(new Input(arg, path));
      }
    }
    return new Expanded(inputs, problems);
  }

  private static List<Path> configsBelow(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json") || p.getFileName().toString().endsWith(".jsonc"))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }
}
