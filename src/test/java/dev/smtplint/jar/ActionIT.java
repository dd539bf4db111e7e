package dev.smtplint.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's shell step (action/lint.sh), run as the runner runs it: inputs as environment
 * variables, GITHUB_ACTION_PATH at this checkout, GITHUB_OUTPUT and RUNNER_TEMP in a temporary
 * directory, the working directory a repository's workspace. (action.yml and the docs' workflow are
 * checked by actionlint in .ci/actionlint-check.)
 */
class ActionIT {
  private static final Path ROOT =
      Path.of(System.getProperty("smtplint.root", ".")).toAbsolutePath();

  @TempDir Path workspace;

  @TempDir Path runnerTemp;

  @BeforeEach
  void workspaceWithConfigs() throws Exception {
    Files.createDirectories(workspace.resolve("config"));
    Files.copy(ROOT.resolve("testdata/bad/seed-ses.jsonc"), workspace.resolve("config/site.json"));
    Files.copy(
        ROOT.resolve("testdata/good/full-site-config.jsonc"),
        workspace.resolve("config/other-site.json"));
  }

  @Test
  void writesSarifAndItsPathThenAnnotatesAndFailsOnErrors() throws Exception {
    Run run = action(Map.of("SMTPLINT_PATHS", "config/"));
    assertEquals(1, run.code, run.out);
    assertTrue(run.out.contains("::error file=config/site.json,line=4,col=20"), run.out);
    Path sarif = runnerTemp.resolve("smtplint.sarif");
    assertTrue(
        Files.readString(sarif).contains("\"ruleId\" : \"placeholder-value\""), "SARIF written");
    assertEquals("sarif=" + sarif + "\n", Files.readString(runnerTemp.resolve("output")));
    assertEquals(0, action(Map.of("SMTPLINT_PATHS", "config/", "SMTPLINT_FAIL_ON", "never")).code);
  }

  @Test
  void withTheUploadOffItLintsOnceAndWritesNoSarif() throws Exception {
    Run run = action(Map.of("SMTPLINT_PATHS", "config/site.json", "SMTPLINT_SARIF", "false"));
    assertEquals(1, run.code, run.out);
    assertFalse(Files.exists(runnerTemp.resolve("smtplint.sarif")));
    assertEquals("", Files.readString(runnerTemp.resolve("output")));
  }

  /**
   * An input is data: no command substitution runs, no glob expands, a leading dash is no option.
   */
  @Test
  void inputsAreNeverShellCode() throws Exception {
    Run run =
        action(Map.of("SMTPLINT_PATHS", "$(touch pwned) `touch pwned2` * --help config/site.json"));
    assertFalse(
        Files.exists(workspace.resolve("pwned")) || Files.exists(workspace.resolve("pwned2")),
        "no command ran");
    assertEquals(2, run.code, run.out);
    assertTrue(run.out.contains("smtplint: *: no such file"), run.out);
    assertFalse(run.out.contains("Usage:"), "--help after -- is a file name: " + run.out);
  }

  /** By default a branch's own .smtplint.json cannot switch rules off (isolated: "true"). */
  @Test
  void isolatedByDefault() throws Exception {
    Files.writeString(
        workspace.resolve(".smtplint.json"),
        """
            {"disable": ["placeholder-value"]}
            """);
    assertEquals(1, action(Map.of("SMTPLINT_PATHS", "config/site.json")).code);
    assertEquals(
        0, action(Map.of("SMTPLINT_PATHS", "config/site.json", "SMTPLINT_ISOLATED", "false")).code);
  }

  private record Run(int code, String out) {}

  private Run action(Map<String, String> inputs) throws Exception {
    Files.writeString(runnerTemp.resolve("output"), "");
    Files.deleteIfExists(runnerTemp.resolve("smtplint.sarif"));
    ProcessBuilder pb =
        new ProcessBuilder(ROOT.resolve("action/lint.sh").toString())
            .directory(workspace.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = new HashMap<>(inputs);
    env.put("GITHUB_ACTION_PATH", ROOT.toString());
    env.put("GITHUB_OUTPUT", runnerTemp.resolve("output").toString());
    env.put("RUNNER_TEMP", runnerTemp.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Run(p.exitValue(), out);
  }
}
