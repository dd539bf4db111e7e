package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.fix.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A branch's files get smtplint to read only what it was given, and to write only where it was
 * told.
 */
class FilesTrustTest {
  private static final String CONFIG =
      """
          {"email.address": "a@acme.io", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "plain"}}""";
  @TempDir Path dir;

  @Test
  void aDirectoryWalkFollowsNoLinkOutOfTheDirectory() throws Exception {
    Path outside =
        Files.writeString(
            dir.resolve("git-credentials"), "https://ci:ghp_TOPSECRETTOKEN@github.com\n");
    Path walked = Files.createDirectory(dir.resolve("config"));
    Files.writeString(walked.resolve("site.json"), CONFIG);
    Files.createSymbolicLink(walked.resolve("environ.json"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(walked.resolve("creds.json"), outside);
    Files.createSymbolicLink(walked.resolve("parent"), dir);
    Files.createSymbolicLink(walked.resolve("inside.json"), walked.resolve("site.json"));
    Run run = Run.withInput("", Map.of("CI_TOKEN", "tok"), "lint", walked.toString());
    assertEquals(1, run.code(), run.all());
    assertFalse(
        run.all().contains("TOPSECRET")
            || run.all().contains("PATH=")
            || run.all().contains("HOME="),
        run.all());
    assertTrue(run.err().contains("environ.json: a symbolic link that leaves"), run.err());
    assertTrue(run.err().contains("creds.json: a symbolic link that leaves"), run.err());
    assertTrue(
        run.err().contains("parent: a symbolic link to a directory; not followed"), run.err());
    assertTrue(
        run.out().contains("site.json:1:") && run.out().contains("inside.json:1:"), run.out());
    assertTrue(run.out().contains("info in 2 files"), run.out());
  }

  /**
   * Root reads every directory, so this case runs only for other users (developers; not CI, which
   * is root).
   */
  @Test
  void anUnreadableSubtreeIsReportedAndTheRestStillLinted() throws Exception {
    Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "root can read a directory of mode 000");
    Path walked = Files.createDirectory(dir.resolve("walked"));
    Files.writeString(walked.resolve("site.json"), CONFIG);
    Path locked = Files.createDirectory(walked.resolve("locked"));
    Files.writeString(locked.resolve("hidden.json"), CONFIG);
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    try {
      Run run = Run.of("lint", walked.toString());
      assertEquals(2, run.code(), run.all());
      assertTrue(run.err().contains("locked: cannot be read (permission denied)"), run.err());
      assertTrue(run.out().contains("site.json:1:"), run.out());
    } finally {
      Files.setPosixFilePermissions(
          locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * A subtree too deep to open (past PATH_MAX), which even root cannot read: reported, and the rest
   * still linted.
   */
  @Test
  void aTooDeepSubtreeIsReportedAndTheRestStillLinted() throws Exception {
    Path walked = Files.createDirectory(dir.resolve("deep"));
    Files.writeString(walked.resolve("site.json"), CONFIG);
    Process mk =
        new ProcessBuilder(
                "bash",
                "-c",
                "cd \"$1\" && n=$(printf 'd%0200d' 0) && for i in $(seq 25); do mkdir \"$n\" "
                    + "&& cd \"$n\"; done && echo '{}' > deep.json",
                "mk",
                walked.toString())
            .start();
    assertTrue(
        mk.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && mk.exitValue() == 0,
        "could not build the deep tree");
    try {
      Run run = Run.of("lint", walked.toString());
      assertEquals(2, run.code(), run.all());
      assertTrue(run.err().contains(": cannot be read (file name too long)"), run.err());
      assertTrue(
          run.out().contains("site.json:1:") && run.out().contains("[auth-unknown]"), run.out());
    } finally {
      new ProcessBuilder("rm", "-rf", walked.toString())
          .start()
          .waitFor(); // JUnit's cleanup cannot reach so deep
    }
  }

  @Test
  void namedDevicesAreRefusedAndEveryReadIsBounded() throws Exception {
    long start = System.nanoTime();
    Run zero = Run.of("lint", "/dev/zero");
    assertEquals(2, zero.code(), zero.all());
    assertTrue(zero.err().contains("/dev/zero: is not a regular file or a pipe"), zero.err());
    Path site =
        Files.writeString(
            dir.resolve("site.json"),
            """
                {"email.address": "a@acme.io", "email.smtp": {"host": "localhost", "port": 1, "authentication": "none"}}""");
    Run ca = Run.of("lint", "--probe", "--timeout", "1", "--ca-file", "/dev/zero", site.toString());
    assertEquals(2, ca.code(), ca.all());
    assertTrue(ca.err().contains("/dev/zero: is not a regular file or a pipe"), ca.err());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000);
    // A pipe that never ends is cut at the same limit as any file.
    Run stdin = Run.withInput("{\"a\": \"" + "x".repeat(70 * 1024 * 1024), Map.of(), "lint", "-");
    assertEquals(2, stdin.code());
    assertTrue(stdin.err().contains("larger than smtplint's input limit of 64 MiB"), stdin.err());
  }

  @Test
  void reportsAreRenamedIntoPlaceNeverWrittenThroughALink() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious\n");
    Path report = dir.resolve("report.sarif");
    Files.createSymbolicLink(report, victim);
    Path site = Files.writeString(dir.resolve("site.json"), CONFIG);
    Run run = Run.of("lint", "--format", "sarif", "-o", report.toString(), site.toString());
    assertEquals(1, run.code(), run.all());
    assertEquals("precious\n", Files.readString(victim));
    assertFalse(Files.isSymbolicLink(report));
    assertTrue(
        Files.readString(report).contains("\"ruleId\" : \"auth-unknown\""),
        Files.readString(report));
    try (var left = Files.list(dir)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
          "no temporary file is left");
    }
  }

  /**
   * {@code -o /dev/null} once renamed a temporary file over /dev/null: as root the device became a
   * regular file (every later {@code > /dev/null} on the machine wrote to it); as another user the
   * run failed. A stream the system provides is written to as it is; anything else not a file is
   * refused.
   */
  @Test
  void reportsToADeviceOrAPipeAreWrittenThroughNeverRenamedOver() throws Exception {
    Path site = Files.writeString(dir.resolve("site.json"), CONFIG);
    assertTrue(AtomicFiles.isSystemStream(Path.of("/dev/null")));
    Assumptions.assumeTrue(
        Files.isSymbolicLink(Path.of("/dev/stdout")) || !Files.exists(Path.of("/dev/stdout")));
    Path stdout = Path.of("/dev/stdout");
    assertEquals(
        Files.exists(stdout, java.nio.file.LinkOption.NOFOLLOW_LINKS),
        AtomicFiles.isSystemStream(stdout));
    Path planted = dir.resolve("planted");
    Files.createSymbolicLink(planted, Path.of("/dev/null"));
    assertFalse(
        AtomicFiles.isSystemStream(planted), "a link outside /dev and /proc is a file to replace");
    Files.delete(planted);

    Path fifo = dir.resolve("report.fifo");
    Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    var read =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Run run = Run.of("lint", "--format", "json", "-o", fifo.toString(), site.toString());
    assertEquals(1, run.code(), run.all());
    assertTrue(
        read.get(10, java.util.concurrent.TimeUnit.SECONDS).contains("\"rule\":\"auth-unknown\""));
    assertTrue(
        Files.readAttributes(
                fifo,
                java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)
            .isOther(),
        "still a pipe");

    Run toDirectory = Run.of("lint", "-o", dir.toString(), site.toString());
    assertEquals(2, toDirectory.code(), toDirectory.all());
    assertTrue(
        toDirectory.err().contains(": cannot write the report there (not a regular file)"),
        toDirectory.err());
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void isolatedIgnoresTheBranchsSettingsFile() throws Exception {
    Path repo = Files.createDirectory(dir.resolve("repo"));
    Files.writeString(repo.resolve("site.json"), CONFIG);
    Files.writeString(
        repo.resolve(".smtplint.json"),
        """
            {"severity": {"auth-unknown": "info"}, "failOn": "never"}""");
    Run trusting = Forked.run(repo, Map.of(), List.of(), "lint", "site.json");
    assertEquals(0, trusting.code(), trusting.all());
    assertTrue(trusting.out().contains("info [auth-unknown]"), trusting.out());
    Run isolated = Forked.run(repo, Map.of(), List.of(), "lint", "--isolated", "site.json");
    assertEquals(1, isolated.code(), isolated.all());
    assertTrue(isolated.out().contains("error [auth-unknown]"), isolated.out());
    Run both =
        Forked.run(
            repo,
            Map.of(),
            List.of(),
            "lint",
            "--isolated",
            "--config",
            ".smtplint.json",
            "site.json");
    assertEquals(2, both.code(), both.all());
  }

  @Test
  void theLaunchersBuildLockStaysInsideTheCheckout() throws Exception {
    String launcher =
        Files.readString(Path.of(System.getProperty("smtplint.root", ".")).resolve("bin/smtplint"));
    assertTrue(launcher.contains("lock=\"$here/target/.build.lock\""), "the lock is in target/");
    assertFalse(
        launcher.contains("/tmp") && launcher.contains("lock=\"${TMPDIR"),
        "no lock in a shared temporary directory");
  }
}
