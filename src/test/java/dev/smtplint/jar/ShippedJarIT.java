package dev.smtplint.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as users run it ({@code java -jar}): its own copy of the schema, providers and
 * rules, nothing else.
 */
class ShippedJarIT {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final Path JAR =
      Path.of(System.getProperty("smtplint.jar", "target/smtplint.jar"));

  private record Result(int code, String out, String err) {}

  /**
   * Runs the jar alone, from a directory without the checkout, so nothing but the jar can be read.
   */
  private static Result run(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path cwd = Files.createTempDirectory("smtplint-it");
    File out = cwd.resolve("out").toFile();
    File err = cwd.resolve("err").toFile();
    Process p =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectOutput(out)
            .redirectError(err)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
    return new Result(
        p.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  @Test
  void theSchemaComesFromTheJarAndIsTheOneInSchemaDirectory() throws Exception {
    Result r = run("schema");
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(ROOT.resolve("schema/email-settings.schema.json")), r.out());
  }

  @Test
  void theJarLintsTheBundledExamplesWithItsOwnSchemaAndProviderTable() throws Exception {
    Result bad =
        run(
            "lint",
            "--format",
            "json",
            ROOT.resolve("testdata/bad/seed-ses.jsonc").toAbsolutePath().toString());
    assertEquals(1, bad.code(), bad.err());
    assertTrue(bad.out().contains("\"rule\":\"placeholder-value\""), bad.out());
    Result ses =
        run("lint", ROOT.resolve("testdata/bad/ses-region.jsonc").toAbsolutePath().toString());
    assertTrue(
        ses.out().contains("[ses-endpoint-invalid]"),
        "the provider table is in the jar: " + ses.out());
    Result good = run("lint", ROOT.resolve("testdata/good").toAbsolutePath().toString());
    assertEquals(0, good.code(), good.out() + good.err());
    assertEquals("", good.err());
  }
}
