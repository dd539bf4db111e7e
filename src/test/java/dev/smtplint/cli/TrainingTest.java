package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run (its failure is silent there: the launcher then runs without a
 * start-up archive) goes through every report format and leaves nothing behind.
 */
class TrainingTest {
  private static final Path ROOT =
      Path.of(System.getProperty("smtplint.root", ".")).toAbsolutePath();
  @TempDir Path tmp;

  @Test
  void trainsOnTheExamplesInEveryFormatAndCleansUp() throws Exception {
    Path log = tmp.resolve("classes.log");
    Process training =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                Training.class.getName(),
                ROOT.resolve("testdata").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(training.getInputStream().readAllBytes());
    assertEquals(0, training.waitFor(), output);
    assertEquals("", output, "training prints nothing");
    String loaded = Files.readString(log);
    for (String format :
        new String[] {
          "TextFormat", "JsonFormat", "SarifFormat", "GithubFormat", "JunitFormat", "FixRun"
        }) {
      assertTrue(loaded.contains("." + format + " "), format + " is in the training run");
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(log), left.toList(), "no scratch directory left");
    }
  }
}
