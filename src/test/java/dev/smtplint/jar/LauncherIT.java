package dev.smtplint.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command on a fresh clone: bin/smtplint builds on first use, says so first, keeps
 * Maven's output (and its terminal codes) to a log, and then answers.
 */
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));

  @Test
  void firstUseSaysItBuildsThenAnswers(@TempDir Path clone) throws Exception {
    Process ls =
        new ProcessBuilder("git", "-C", ROOT.toString(), "ls-files", "-co", "--exclude-standard")
            .start();
    List<String> files =
        new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertTrue(ls.waitFor(30, TimeUnit.SECONDS) && files.contains("bin/smtplint"), "git ls-files");
    for (String f : files) {
      Path from = ROOT.resolve(f);
      if (Files.isRegularFile(from)
          && (f.startsWith("src/main/")
              || f.startsWith("schema/")
              || f.equals("pom.xml")
              || f.startsWith("bin/")
              || f.startsWith("testdata/"))) {
        Files.createDirectories(clone.resolve(f).getParent());
        Files.copy(from, clone.resolve(f));
      }
    }
    clone.resolve("bin/smtplint").toFile().setExecutable(true);
    File out = clone.resolve("out.txt").toFile();
    Process p =
        new ProcessBuilder(clone.resolve("bin/smtplint").toString(), "--version")
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out)
            .start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the first-use build took over 5 minutes");
    List<String> lines = Files.readAllLines(out.toPath());
    assertEquals(0, p.exitValue(), String.join("\n", lines));
    assertEquals(
        3,
        lines.size(),
        "the building line, the start-up archive's line and the version, nothing else: " + lines);
    assertTrue(
        lines.get(0).startsWith("smtplint: building ")
            && lines.get(0).contains("(first use: a minute or two")
            && lines.get(0).endsWith("target/build.log)..."),
        lines.get(0));
    assertTrue(lines.get(1).startsWith("smtplint: recording a start-up archive"), lines.get(1));
    assertTrue(lines.get(2).startsWith("smtplint "), lines.get(2));
    assertFalse(String.join("", lines).contains("\u001b"), "no terminal control codes from Maven");
  }

  /**
   * A build that fails is exit 3 (never 1, which would read as findings), says what it needs, shows
   * no terminal codes.
   */
  @Test
  void aFailedBuildIsExitThreeWithoutEscapeCodes(@TempDir Path clone) throws Exception {
    Files.createDirectories(clone.resolve("bin"));
    Files.copy(ROOT.resolve("bin/smtplint"), clone.resolve("bin/smtplint"));
    clone.resolve("bin/smtplint").toFile().setExecutable(true);
    Files.createDirectories(clone.resolve("src/main/java"));
    Files.writeString(clone.resolve("pom.xml"), "<project>this is not a pom</project>\n");
    File out = clone.resolve("out.txt").toFile();
    Process p =
        new ProcessBuilder(clone.resolve("bin/smtplint").toString(), "lint", "site.json")
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out)
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String text = Files.readString(out.toPath());
    assertEquals(3, p.exitValue(), text);
    assertTrue(text.contains("smtplint: cannot build smtplint with"), text);
    assertFalse(text.contains("\u001b"), "no terminal control codes: " + text);
  }
}
