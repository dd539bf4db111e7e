package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    String loaded = train(false);
    assertTrained(loaded, "FixRun");
    assertTrue(loaded.contains(" org.snakeyaml.engine."), "the examples' YAML is read");
    assertTrue(loaded.contains(" picocli.CommandLine "), "picocli's model is built");
  }

  /**
   * Java 25's cache loads every class it holds at each start: there the training holds the path of
   * nearly every run (each format, a batch, a walk) and no YAML, --diff or picocli.
   */
  @Test
  void theLeanTrainingOfJava25LeavesOutWhatFewRunsNeed() throws Exception {
    String loaded = train(true);
    assertTrained(loaded, "UnitChecks$1");
    assertTrue(loaded.contains(".Inputs$"), "a directory is walked");
    for (String left :
        new String[] {" org.snakeyaml.engine.", ".FixRun ", " picocli.CommandLine "}) {
      assertFalse(loaded.contains(left), left + " is left out");
    }
  }

  /** Every report format, and {@code more}, among the classes the training loaded. */
  private static void assertTrained(String loaded, String more) {
    for (String name :
        new String[] {
          "TextFormat", "JsonFormat", "SarifFormat", "GithubFormat", "JunitFormat", more
        }) {
      assertTrue(loaded.contains("." + name + " "), name + " is in the training run");
    }
  }

  private String train(boolean lean) throws Exception {
    Path log = tmp.resolve("classes.log");
    Files.deleteIfExists(log);
    Process training =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-Dsmtplint.training.lean=" + lean,
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
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(log), left.toList(), "no scratch directory left");
    }
    return Files.readString(log);
  }
}
