package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.Testdata;
import dev.smtplint.config.SourceFile;
import dev.smtplint.fix.AtomicFiles;
import dev.smtplint.fix.FixRun;
import dev.smtplint.report.FileResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of docs/security.md (trust round 3), each performed against the real command line: a
 * branch's files and file names, .smtplint.json, and the writes smtplint makes. Each failed on the
 * code before the round; docs/security.md names the test that holds each promise.
 */
class AttackTest {
  private static final String CANARY = "canary-8d41-environment";
  private static final String FIXABLE =
      """
          {
            "email.address": "sg@acme.io",
            "email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "plain", "username": "sg", "password": "${SMTP_PASSWORD}"}
          }
          """;
  @TempDir Path dir;

  private Path repository() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("config"));
    Files.writeString(
        repo.resolve("config/site.json"), "{\n  \"email.address\": \"sg@acme.io\"\n}\n");
    return repo;
  }

  private static Run forked(Path cwd, String... args) throws Exception {
    return Forked.run(cwd, Map.of("CANARY", CANARY), List.of(), args);
  }

  @Test
  void aSiteConfigListCannotReadAFileOutsideTheRepository() throws Exception {
    Path repo = repository();
    Files.writeString(dir.resolve("outside.json"), "{\"leaked\": \"" + CANARY + "\"\n");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("secrets.json"), "{\"leaked\": \"" + CANARY + "\"\n");
    Files.createSymbolicLink(repo.resolve("link"), elsewhere);
    for (String planted :
        List.of(
            "/proc/self/environ",
            "../outside.json",
            "config/../../outside.json",
            "link/secrets.json",
            "~/.git-credentials")) {
      Files.writeString(
          repo.resolve(".smtplint.json"),
          "{\"siteConfig\": [\"config/site.json\", \"" + planted + "\"]}");
      Run run = forked(repo, "lint", "config/site.json");
      assertEquals(2, run.code(), planted + ": " + run.all());
      assertFalse(run.all().contains(CANARY), planted + " was read: " + run.all());
      assertTrue(run.err().contains("\"siteConfig\" names \"" + planted + "\", which "), run.err());
      assertTrue(
          run.err().contains("smtplint reads and writes nothing outside the repository"),
          run.err());
    }
    // A link that stays inside the repository is fine.
    Files.createSymbolicLink(repo.resolve("inside"), repo.resolve("config"));
    Files.writeString(
        repo.resolve(".smtplint.json"),
        """
        {"siteConfig": ["inside/site.json"]}""");
    assertEquals(0, forked(repo, "lint", "--fail-on", "error", "config/site.json").code());
  }

  @Test
  void fixNeverWritesThroughALinkedDirectory() throws Exception {
    Path real = Files.createDirectories(dir.resolve("elsewhere"));
    Path target = Files.writeString(real.resolve("site.json"), FIXABLE);
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    Run run = Run.of("lint", "--fix", link.resolve("site.json").toString());
    assertEquals(2, run.code(), run.all());
    assertTrue(
        run.err().contains("not fixed: a directory on its path is a symbolic link"), run.err());
    assertEquals(FIXABLE, Files.readString(target), "the file behind the link is untouched");
    assertTrue(run.out().contains("[auth-unknown]"), "reported as it is on disk: " + run.out());
  }

  @Test
  void aFileNameIsNeverAnOptionNorAnArgumentFile() throws Exception {
    Path repo = repository();
    Path odd = Files.createDirectories(repo.resolve("--merge=/proc/self"));
    Files.writeString(odd.resolve("environ:x-site.json"), FIXABLE);
    Run named = forked(repo, "lint", "--", "--merge=/proc/self/environ:x-site.json");
    assertFalse(named.all().contains(CANARY), named.all());
    assertTrue(
        named.out().contains("--merge=/proc/self/environ:x-site.json:3:"),
        "linted as a file: " + named.all());

    Files.writeString(repo.resolve("@list-site.json"), "-o\n" + dir.resolve("bashrc") + "\n");
    for (List<String> args :
        List.of(List.of("lint", "@list-site.json"), List.of("lint", "--", "@list-site.json"))) {
      Run run = forked(repo, args.toArray(String[]::new));
      assertFalse(Files.exists(dir.resolve("bashrc")), "@file was expanded: " + run.all());
      assertTrue(run.out().contains("@list-site.json:1:2: error [invalid-json]"), run.all());
    }
    Run help = forked(repo, "explain", "@list-site.json");
    assertTrue(
        help.err().contains("@list-site.json"),
        "picocli takes @list-site.json as the rule's name: " + help.all());
  }

  @Test
  void theHooksEndTheirArgumentsWithDoubleDash() throws IOException {
    String hooks = Files.readString(Testdata.root().resolve("../.pre-commit-hooks.yaml"));
    var blocks = hooks.split("\n- id: ");
    int checked = 0;
    for (int i = 1; i < blocks.length; i++) {
      if (!blocks[i].contains("pass_filenames: false")) {
        assertTrue(
            Pattern.compile("\n  args: \\[.*--\\]\n").matcher(blocks[i]).find(),
            "hook " + blocks[i].lines().findFirst().orElse(""));
        checked++;
      }
    }
    assertEquals(2, checked, "smtplint and smtplint-fix take file names");
    String action = Files.readString(Testdata.root().resolve("../action/lint.sh"));
    assertEquals(
        2,
        action.split("-- \"\\$\\{paths\\[@\\]\\}\"", -1).length - 1,
        "both runs of the Action end options with --");
  }

  @Test
  void theReportIsNeverWrittenOverAnInput() throws IOException {
    Path site = Files.writeString(dir.resolve("site.json"), FIXABLE);
    for (List<String> args :
        List.of(
            List.of("lint", "-o", site.toString(), site.toString()),
            List.of("lint", "-o", site.toString(), "--merge", site + ":" + site),
            List.of("lint", "-o", site.toString(), dir.toString()))) {
      Run run = Run.of(args.toArray(String[]::new));
      assertEquals(2, run.code(), args + ": " + run.all());
      assertTrue(
          run.err()
              .contains("is also an input; smtplint never writes its report over a file it reads"),
          run.err());
      assertEquals(FIXABLE, Files.readString(site));
    }
  }

  @Test
  void fixKeepsSpecialBitsAndRefusesReadOnlyFiles() throws IOException {
    Path site = Files.writeString(dir.resolve("site.json"), FIXABLE);
    Files.setAttribute(site, "unix:mode", 02640);
    Run fixed = Run.of("lint", "--fix", site.toString());
    assertTrue(fixed.err().contains("fixed 1 problem in " + site), fixed.all());
    assertEquals(
        02640, (Integer) Files.getAttribute(site, "unix:mode") & 07777, "setgid and mode kept");

    Path readOnly = Files.writeString(dir.resolve("ro-site.json"), FIXABLE);
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
    Run refused = Run.of("lint", "--fix", readOnly.toString());
    assertEquals(2, refused.code(), refused.all());
    assertTrue(refused.err().contains("not fixed: it is read-only (mode 444)"), refused.err());
    assertTrue(
        refused.out().contains("[auth-unknown]"),
        "the report shows the file as it is: " + refused.out());
    assertEquals(FIXABLE, Files.readString(readOnly));
    assertEquals(
        1,
        Run.of("lint", "--diff", readOnly.toString()).code(),
        "--diff writes nothing, so it still shows the fix");
  }

  @Test
  void aWriteThatFailsReportsTheFileAsItIsOnDisk() throws IOException {
    Path site = Files.writeString(dir.resolve("site.json"), FIXABLE);
    SourceFile before = SourceFile.of(site.toString(), FIXABLE.replace("sg@", "other@"));
    FileResult asRead =
        new FileResult(site.toString(), Optional.empty(), List.of(), Optional.empty(), List.of());
    FixRun run = new FixRun(false, true);
    var changed =
        new FixRun.Changed(
            site,
            before,
            SourceFile.of(site.toString(), "{}"),
            1,
            List.of(),
            List.of(),
            Optional.of(asRead));
    assertEquals(
        Optional.of(site + ": not fixed: it changed since smtplint read it; run again"),
        FixRun.write(changed));
    assertEquals(FIXABLE, Files.readString(site));
  }

  @Test
  void aChangeJustBeforeTheRenameIsNotOverwritten() throws IOException {
    Path site = Files.writeString(dir.resolve("site.json"), FIXABLE);
    IOException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () ->
                AtomicFiles.replace(
                    site,
                    "{}".getBytes(StandardCharsets.UTF_8),
                    true,
                    true,
                    () -> {
                      Files.writeString(
                          site,
                          "appended\n",
                          java.nio.file.StandardOpenOption.APPEND); // another writer, mid-fix
                      throw new IOException("changed");
                    }));
    assertEquals("changed", refused.getMessage());
    assertEquals(FIXABLE + "appended\n", Files.readString(site), "the appended lines are kept");
  }

  @Test
  void diffShowsFileNamesWithoutTheirControlCharacters() throws IOException {
    Path odd = Files.writeString(dir.resolve("a\n::warning file=x::forged\nsite.json"), FIXABLE);
    Run run = Run.of("lint", "--diff", odd.toString());
    assertEquals(1, run.code(), run.all());
    assertTrue(
        run.out().lines().noneMatch(l -> l.startsWith("::")),
        "no workflow command forged: " + run.out());
    assertTrue(run.out().contains("a\\u000a::warning"), run.out());
  }

  @Test
  void pipesAndProcessSubstitutionAreRead() throws Exception {
    Path fifo = dir.resolve("site.fifo");
    Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    Path settings = dir.resolve("settings.fifo");
    Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", settings.toString()).start().waitFor() == 0, "mkfifo");
    Thread writer = feed(fifo, FIXABLE);
    Thread settingsWriter =
        feed(
            settings,
            """
            {"disable": ["auth-unknown", "unexpanded-variable"]}""");
    Run run = Run.of("lint", "--config", settings.toString(), fifo.toString());
    writer.join(5_000);
    settingsWriter.join(5_000);
    assertEquals(0, run.code(), run.all());
    assertTrue(run.out().endsWith("0 errors, 0 warnings, 0 info in 1 file\n"), run.all());

    Path ca = dir.resolve("ca.fifo");
    Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", ca.toString()).start().waitFor() == 0, "mkfifo");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{");
    Thread caWriter = feed(ca, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    Run probe = Run.of("lint", "--probe", "--ca-file", ca.toString(), broken.toString());
    caWriter.join(5_000);
    assertEquals(
        1, probe.code(), "the CA file is read once, then the probe is not run: " + probe.all());
  }

  private static Thread feed(Path fifo, String text) {
    Thread t =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                // the reader never came: the assertions say so
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
