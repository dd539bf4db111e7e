package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.Testdata;
import dev.smtplint.run.UnitChecks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  private static final String BAD = Testdata.root().resolve("bad/auth.jsonc").toString();
  private static final String GOOD =
      Testdata.root().resolve("good/full-site-config.jsonc").toString();

  @Test
  void textOutputIsCompilerStyleWithExcerptCaretAndSummary() {
    Run run = Run.of("lint", BAD);
    assertEquals(1, run.code());
    assertTrue(
        run.out()
            .contains(
                BAD
                    + ":7:23: error [auth-unknown] [*] authentication \"plain\" is not one of PLAIN, CRAM-MD5, none"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                " 7 |     \"authentication\": \"plain\",\n   |                       ^~~~~~~\n"),
        run.out());
    assertTrue(
        run.out().endsWith("2 errors, 0 warnings, 0 info in 1 file; [*] 1 fixable with --fix\n"),
        run.out());
    assertFalse(run.out().contains("\u001b["), "no colour when not a terminal");
  }

  /**
   * Every usage error the words show is found before anything is read (a settings file, a CA file,
   * a site config).
   */
  @Test
  void usageErrorsComeBeforeAnyRead(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.json");
    Run fixAndDiff =
        Run.of("lint", "--fix", "--diff", "--config", missing.toString(), missing.toString());
    assertEquals(
        "smtplint: --fix writes the fixes and --diff only shows them: choose one\n",
        fixAndDiff.err());
    Run probeAndFix =
        Run.of("lint", "--probe", "--ca-file", missing.toString(), "--fix", missing.toString());
    assertEquals(
        "smtplint: --fix and --diff do not go with --probe: fix first, then probe\n",
        probeAndFix.err());
    Run noFile = Run.of("lint", "--config", missing.toString());
    assertEquals(
        "smtplint: lint needs a FILE or --merge FILE[:FILE...]; try 'smtplint lint --help'\n",
        noFile.err());
    Run badRule =
        Run.of(
            "lint",
            "--disable",
            "no-such-rule",
            "--config",
            missing.toString(),
            missing.toString());
    assertEquals(2, badRule.code());
    assertTrue(badRule.err().contains("--disable: no rule \"no-such-rule\""), badRule.err());
  }

  /**
   * A run that judged nothing prints no "0 errors in 0 files"; --timeout's words are a user's, not
   * a parser's.
   */
  @Test
  void fatalErrorsAndTimeoutsSpeakPlainly(@TempDir Path dir) {
    Run missing = Run.of("lint", dir.resolve("missing.json").toString());
    assertEquals(2, missing.code());
    assertEquals("", missing.out(), "no empty summary after a fatal error");
    Run zero = Run.of("lint", "--probe", "--timeout", "0", GOOD);
    assertEquals(
        "smtplint: --timeout takes a number of seconds above 0 and at most 3600 (10, 2.5), not 0\n",
        zero.err());
    Run word = Run.of("lint", "--probe", "--timeout", "soon", GOOD);
    assertTrue(
        word.err().contains("--timeout takes a number of seconds (10, 2.5), not 'soon'"),
        word.err());
    assertFalse(word.err().contains("double"), word.err());
    assertEquals(
        0,
        Run.of("lint", "--timeout", "30s", "--fail-on", "never", GOOD).code(),
        "30s is 30 seconds");
  }

  @Test
  void cleanFileExitsZero() {
    Run run = Run.of("lint", GOOD);
    assertEquals(0, run.code(), run.all());
    assertEquals("0 errors, 0 warnings, 0 info in 1 file\n", run.out());
  }

  @Test
  void failOnDecidesTheExitCode() {
    String warningOnly = Testdata.root().resolve("bad/port-25.jsonc").toString();
    assertEquals(0, Run.of("lint", warningOnly).code());
    assertEquals(1, Run.of("lint", "--fail-on", "warning", warningOnly).code());
    assertEquals(0, Run.of("lint", "--fail-on", "never", BAD).code());
    Run wrong = Run.of("lint", "--fail-on", "sometimes", BAD);
    assertEquals(2, wrong.code());
    assertTrue(
        wrong.err().startsWith("smtplint: --fail-on takes error, warning, info or never"),
        wrong.err());
  }

  @Test
  void quietPrintsOnlyFindingsAtTheThreshold() {
    Run run = Run.of("lint", "-q", Testdata.root().resolve("bad/headers.jsonc").toString());
    assertTrue(run.out().contains("[header-injection]"), run.out());
    assertFalse(run.out().contains("[header-override]"), run.out());
    assertFalse(run.out().contains(" in 1 file"));
  }

  @Test
  void jsonHasTheShapeOfTheSpec() {
    Run run = Run.of("lint", "--format", "json", BAD);
    assertEquals(1, run.code());
    String expected =
        "{\"tool\":\"smtplint\",\"version\":\"dev\",\"files\":[{\"path\":\""
            + BAD
            + "\",\"findings\":["
            + "{\"rule\":\"auth-unknown\",\"severity\":\"error\",\"message\":\"authentication \\\"plain\\\" is not one of PLAIN, "
            + "CRAM-MD5, none (case matters): Sourcegraph refuses to send; write \\\"PLAIN\\\"\",\"line\":7,\"column\":23,"
            + "\"pointer\":\"/email.smtp/authentication\",\"fix\":{\"safety\":\"safe\",\"description\":\"write \\\"PLAIN\\\"\","
            + "\"edits\":[{\"offset\":160,\"length\":7,\"line\":7,\"column\":23,\"endLine\":7,\"endColumn\":30,\"replacement\":\"\\\"PLAIN\\\"\"}]}},";
    assertTrue(run.out().startsWith(expected), run.out());
    assertTrue(
        run.out()
            .endsWith(
                """
            "summary":{"error":2,"warning":0,"info":0}}
            """),
        run.out());
  }

  @Test
  void standardInputIsRead() {
    Run run =
        Run.withInput(
            """
        {"email.address": "a@acme.io"}""",
            Map.of(),
            "lint",
            "-");
    assertEquals(0, run.code());
    assertTrue(run.out().startsWith("-:1:19: warning [from-without-smtp]"), run.out());
  }

  @Test
  void missingFileIsExitTwoWithOneLineAndTheOtherFilesStillChecked() {
    Run run = Run.of("lint", "no/such/file.json", BAD);
    assertEquals(2, run.code());
    assertEquals("smtplint: no/such/file.json: no such file\n", run.err());
    assertTrue(run.out().contains("[auth-unknown]"), "the other file is still linted");
  }

  @Test
  void directoryMeansEveryConfigBelowIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.json"), "{}");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        dir.resolve("sub/b.jsonc"),
        """
        {"email.address": "x@acme.io"}""");
    Files.writeString(dir.resolve("notes.txt"), "not a config");
    Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"private\": true}");
    Files.writeString(dir.resolve("prod-site.json"), "{ not even JSON");
    Run run = Run.of("lint", dir.toString());
    assertEquals(1, run.code(), run.all()); // prod-site.json is named like one: linted, broken
    assertTrue(run.out().endsWith("in 2 files\n"), run.out());
    assertTrue(run.out().contains("prod-site.json"), run.out());
    // "{}" and package.json are no site config (SPEC §2): skipped, counted in one note
    assertTrue(
        run.err().contains("note: 2 files of the walked directories are neither"), run.err());
    assertFalse(run.out().contains("package.json"), run.out());
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Run none = Run.of("lint", empty.toString());
    assertEquals(2, none.code());
    assertTrue(
        none.err().contains("directory holds no *.json, *.jsonc, *.yaml or *.yml file"),
        none.err());
  }

  @Test
  void bytesThatAreNotUtf8AreAFindingInEveryFormat(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("latin1.json");
    Files.write(
        latin1, "{\"email.senderName\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    Run run = Run.of("lint", latin1.toString());
    assertEquals(1, run.code(), run.all());
    assertTrue(run.out().contains("latin1.json:1:26: error [invalid-encoding]"), run.out());
    assertEquals("", run.err());
    for (String format : Run.FORMATS.stream().filter(f -> !f.equals("text")).toList()) {
      Run other = Run.of("lint", "--format", format, latin1.toString());
      assertEquals(1, other.code(), format);
      assertTrue(other.out().contains("invalid-encoding"), format + ": " + other.out());
    }
  }

  @Test
  void badOptionsAreUsageErrorsWithoutStackTraces() {
    Run unknown = Run.of("lint", "--frobnicate", BAD);
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("smtplint: Unknown option: '--frobnicate'"), unknown.err());
    assertFalse(unknown.err().contains("at dev.smtplint"));
    assertEquals(2, Run.of("lint").code());
    assertEquals(2, Run.of("lint", "--disable", "no-such-rule", BAD).code());
    assertEquals(2, Run.of("frobnicate").code());
  }

  @Test
  void outputFileReceivesTheReport(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    Run run = Run.of("lint", "--format", "json", "-o", report.toString(), BAD);
    assertEquals(1, run.code());
    assertEquals("", run.out());
    assertTrue(Files.readString(report).contains("\"auth-unknown\""));
  }

  @Test
  void disableSilencesARule() {
    Run run = Run.of("lint", "--disable", "auth-unknown,password-in-file", BAD);
    assertEquals(0, run.code(), run.all());
  }

  @Test
  void projectSettingsFileAppliesAndCommandLineWins(@TempDir Path dir) throws Exception {
    Path settings = dir.resolve("settings.json");
    Files.writeString(
        settings,
        """
            {
              "disable": ["password-in-file", "no-such-rule"],
              "severity": {"auth-unknown": "warning"},
              "failOn": "warning"
            }
            """);
    Run run = Run.of("lint", "--config", settings.toString(), BAD);
    assertEquals(1, run.code(), "failOn warning from the file");
    assertTrue(run.out().contains("warning [auth-unknown]"), run.out());
    assertFalse(run.out().contains("[password-in-file]"));
    assertTrue(
        run.out()
            .contains(
                settings + ":2:35: warning [unknown-rule] \"no-such-rule\" is not a smtplint rule"),
        run.out());
    assertEquals(
        0, Run.of("lint", "--config", settings.toString(), "--fail-on", "error", BAD).code());
    Run enabled =
        Run.of("lint", "--config", settings.toString(), "--enable", "password-in-file", BAD);
    assertTrue(enabled.out().contains("[password-in-file]"));
    Files.writeString(
        settings,
        """
        {"failOn": "sometimes"}""");
    Run broken = Run.of("lint", "--config", settings.toString(), BAD);
    assertEquals(2, broken.code());
    assertTrue(
        broken.err().contains("\"failOn\" is \"error\", \"warning\", \"info\" or \"never\""),
        broken.err());
  }

  @Test
  void thePasswordNeverAppearsInAnyFormat() {
    String secret = "correct-horse-battery";
    for (String format : new String[] {"text", "json"}) {
      Run run = Run.of("lint", "--format", format, BAD);
      assertFalse(run.all().contains(secret), format + " shows the password:\n" + run.all());
    }
    Run broken =
        Run.withInput(
            "{\"email.smtp\": {\"password\": \"" + secret + "\" \"host\": 1}}",
            Map.of(),
            "lint",
            "-");
    assertEquals(1, broken.code());
    assertTrue(broken.out().contains("[invalid-json]"));
    assertFalse(broken.all().contains(secret), broken.all());
  }

  /**
   * A batch of UnitChecks.PARALLEL_FROM files or more is checked on all cores: its report is the
   * one file-by-file runs give, in the same order, and so is its exit code.
   */
  @Test
  void aBatchCheckedOnAllCoresReportsWhatFileByFileRunsDo(@TempDir Path dir) throws Exception {
    java.util.List<Path> testdata;
    try (var walk = Files.walk(Testdata.root())) {
      testdata =
          walk.filter(p -> p.toString().endsWith(".jsonc") || p.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    int n = UnitChecks.PARALLEL_FROM + 36;
    for (int i = 0; i < n; i++) {
      Path from = testdata.get(i % testdata.size());
      Files.copy(from, dir.resolve(String.format("f%03d-%s", i, from.getFileName())));
    }
    Run batch = Run.of("lint", "--format", "json", dir.toString());
    StringBuilder files = new StringBuilder();
    int code = 0;
    try (var list = Files.list(dir)) {
      for (Path p : list.sorted().toList()) {
        Run one = Run.of("lint", "--format", "json", p.toString());
        files.append(files.length() > 0 ? "," : "").append(filesOf(one.out()));
        code = Math.max(code, one.code());
      }
    }
    assertEquals(files.toString(), filesOf(batch.out()));
    assertEquals(code, batch.code(), batch.err());

    // --diff over the batch: the files in the order given, the same bytes on every run.
    Run diff = Run.of("lint", "--diff", dir.toString());
    java.util.List<String> order = diff.out().lines().filter(l -> l.startsWith("--- ")).toList();
    assertTrue(order.size() >= 10, diff.out());
    assertEquals(order.stream().sorted().toList(), order, "the files' order");
    for (int run = 0; run < 3; run++) {
      assertEquals(diff.out(), Run.of("lint", "--diff", dir.toString()).out());
    }
  }

  private static String filesOf(String json) {
    return json.substring(json.indexOf("\"files\":[") + 9, json.lastIndexOf("],\"judgedFor\""));
  }

  /**
   * password-in-file asks git about a file in a work tree; a git that hangs (here one whose child
   * holds its output open) is killed after five seconds with what it started, and the file counts
   * as headed for version control, as whenever git cannot tell.
   */
  @Test
  void aGitThatHangsIsKilledAndTheFileCountsAsHeadedForVersionControl(@TempDir Path dir)
      throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\nsleep 60\necho never\n");
    assertTrue(git.toFile().setExecutable(true));
    Path repo = Files.createDirectory(dir.resolve("repo"));
    Files.createDirectory(repo.resolve(".git"));
    Path site =
        Files.writeString(
            repo.resolve("site.json"),
            """
                {"email.address": "a@acme.io", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "PLAIN", "username": "u", "password": "k8#Qw2-vR5tLz"}}""");
    long start = System.nanoTime();
    Run run =
        Forked.run(
            dir,
            Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH")),
            java.util.List.of(),
            "lint",
            "--format",
            "json",
            site.toString());
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(run.out().contains("\"rule\":\"password-in-file\""), run.all());
    assertTrue(seconds < 20, "took " + seconds + " s");
  }
}
