package dev.smtplint.cli;

import dev.smtplint.manifest.Manifest;
import dev.smtplint.run.Inputs;
import dev.smtplint.run.UnitChecks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's training run for the start-up archive (CDS on Java 17-24, the AOT cache on 25+):
 * what a run loads and links is what the archive holds, and a class left out costs a load from the
 * jar, verification included, on every later run. So the examples are linted once in every report
 * format, to a file with {@code -o} and with {@code --diff}, and as a batch, not only in the
 * default text (on Java 25, the lean set below). Not a command: {@code java -cp smtplint.jar
 * dev.smtplint.cli.Training DIR}.
 */
public final class Training {
  private Training() {}

  private static List<String> with(List<String> command, List<String> files) {
    List<String> out = new ArrayList<>(command);
    out.addAll(files);
    return out;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp smtplint.jar dev.smtplint.cli.Training DIR");
      System.exit(2);
    }
    System.console(); // as Main asks, for the classes it loads
    // Java 25's AOT cache loads every class it holds at each start, where 17's archive loads a
    // class only when a run asks for it: there the cache holds the path of nearly every run (site
    // configs, each report format) and no more; YAML, --diff and picocli's model load from the jar
    // when a run needs them (bench/README.md, house round 3).
    boolean lean =
        Runtime.version().feature() >= 25 || Boolean.getBoolean("smtplint.training.lean");
    List<Inputs.Input> found = Inputs.expand(List.of(args[0])).inputs();
    List<String> examples = new ArrayList<>();
    String json = null;
    for (Inputs.Input input : found) {
      if (!Manifest.isYamlName(input.display())) {
        examples.add(input.display());
        json = json == null && input.display().endsWith(".json") ? input.display() : json;
      }
    }
    int files = examples.size();
    if (!lean) {
      files = found.size();
      examples = List.of(args[0]); // the directory: its walk, YAML and all
    }

    Path scratch = Files.createTempDirectory("smtplint-training");
    Path report = scratch.resolve("report.sarif");
    // A batch too (the examples named often enough to make one), for the classes of the parallel
    // path.
    List<String> batch = new ArrayList<>(List.of("lint", "--format", "json"));
    for (int named = 0; named < UnitChecks.PARALLEL_FROM; named += Math.max(1, files)) {
      batch.addAll(examples);
    }
    List<List<String>> runs = new ArrayList<>();
    runs.add(batch);
    for (String format : List.of("text", "json", "github", "junit")) {
      runs.add(with(List.of("lint", "--format", format), examples));
    }
    runs.add(with(List.of("lint", "--format", "sarif", "-o", report.toString()), examples));
    Path walked = scratch.resolve("walked");
    if (lean && json != null) { // a directory's walk, without the YAML of the examples' own
      Files.createDirectories(walked);
      Files.copy(Path.of(json), walked.resolve("site.json"));
      runs.add(List.of("lint", walked.toString()));
    }
    if (!lean) {
      runs.add(with(List.of("lint", "--diff", "--unsafe-fixes"), examples));
      // a command line the fast parser leaves to picocli (a clustered short option): its model,
      // built by reflection
      runs.add(with(List.of("lint", "-qv", "--fail-on", "never"), examples));
    }
    try {
      for (List<String> run : runs) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.run(
            run.toArray(String[]::new),
            nowhere,
            nowhere,
            InputStream.nullInputStream(),
            System.getenv(),
            false);
      }
    } finally {
      Files.deleteIfExists(report);
      Files.deleteIfExists(walked.resolve("site.json"));
      Files.deleteIfExists(walked);
      Files.deleteIfExists(scratch);
    }
  }
}
