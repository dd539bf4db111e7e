package dev.smtplint.cli;

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
 * default text. Not a command: {@code java -cp smtplint.jar dev.smtplint.cli.Training DIR}.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp smtplint.jar dev.smtplint.cli.Training DIR");
      System.exit(2);
    }
    String examples = args[0];
    System.console(); // as Main asks, for the classes it loads

    Path scratch = Files.createTempDirectory("smtplint-training");
    Path report = scratch.resolve("report.sarif");
    // A batch too (the examples named often enough to make one), for the classes of the parallel
    // path.
    int files = Inputs.expand(List.of(examples)).inputs().size();
    List<String> batch = new ArrayList<>(List.of("lint", "--format", "json"));
    for (int named = 0; named < UnitChecks.PARALLEL_FROM; named += Math.max(1, files)) {
      batch.add(examples);
    }
    try {
      for (List<String> run :
          List.of(
              batch,
              List.of("lint", "--format", "text", examples),
              List.of("lint", "--format", "json", examples),
              List.of("lint", "--format", "github", examples),
              List.of("lint", "--format", "junit", examples),
              List.of("lint", "--format", "sarif", "-o", report.toString(), examples),
              List.of("lint", "--diff", "--unsafe-fixes", examples),
              // a command line the fast parser leaves to picocli (--opt=value): its model, built by
              // reflection
              List.of("lint", "--format=text", "--fail-on=never", examples))) {
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
      Files.deleteIfExists(scratch);
    }
  }
}
