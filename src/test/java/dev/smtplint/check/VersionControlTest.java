package dev.smtplint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.config.SourceLoader;
import dev.smtplint.report.Finding;
import dev.smtplint.schema.EmailSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * password-in-file speaks only of files headed for version control: tracked, staged or merely not
 * ignored in a git work tree — not the uncommitted secrets file README recommends, nor a file
 * outside any work tree. And a REDACTED password is no finding when the real one comes from the
 * environment.
 */
class VersionControlTest {
  private static final EmailSchema SCHEMA = EmailSchema.load();
  private static final String CONFIG =
      """
          {"email.address": "a@acme.io", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "PLAIN", "username": "u", "password": "k8#Qw2-vR5tLz"}}""";
  @TempDir Path dir;

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(
        p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + String.join(" ", args));
  }

  private static boolean passwordInFile(Path file) throws Exception {
    Linter linter =
        new Linter(
            Settings.DEFAULT,
            () -> SCHEMA,
            new VersionControl(),
            dev.smtplint.rules.Catalogue.rules());
    return linter
        .check(SourceLoader.load(file, file.toString()))
        .results()
        .get(0)
        .findings()
        .stream()
        .anyMatch(f -> f.rule().equals("password-in-file"));
  }

  @Test
  void onlyFilesHeadedForVersionControlAreWarnedAbout() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.json"), CONFIG);
    assertFalse(
        passwordInFile(outside), "a file outside any work tree is not headed for version control");

    Path repo = Files.createDirectory(dir.resolve("repo"));
    git(repo, "init", "-q");
    Files.writeString(repo.resolve(".gitignore"), "secrets.json\n");
    Path secrets = Files.writeString(repo.resolve("secrets.json"), CONFIG);
    Path site = Files.writeString(repo.resolve("site.json"), CONFIG);
    assertFalse(passwordInFile(secrets), "git ignores the secrets file");
    assertTrue(passwordInFile(site), "an untracked file that git does not ignore may be committed");
    git(repo, "add", "site.json");
    assertTrue(passwordInFile(site), "a staged file");
    git(repo, "add", "-f", "secrets.json");
    assertTrue(passwordInFile(secrets), "a tracked file, though it matches .gitignore");
  }

  /**
   * One run asks git once per directory (ls-files of the ignored files) instead of once per file;
   * its answers must be check-ignore's, file by file: negated patterns, ignored directories, nested
   * .gitignore files, a tracked file that matches a pattern, dot files, spaces, non-ASCII names.
   */
  @Test
  void aRunsAnswersPerDirectoryAreCheckIgnoresPerFile() throws Exception {
    Path repo = Files.createDirectory(dir.resolve("repo"));
    git(repo, "init", "-q");
    Files.writeString(
        repo.resolve(".gitignore"),
        "build/\n*.secret.json\n!keep.secret.json\nsub/deep/*.json\n\u00e9t\u00e9.json\n");
    Files.createDirectories(repo.resolve("build/x"));
    Files.createDirectories(repo.resolve("sub/deep"));
    Files.writeString(repo.resolve("sub/.gitignore"), "c.json\n");
    List<String> files =
        List.of(
            "a.json",
            "x.secret.json",
            "keep.secret.json",
            "tracked.secret.json",
            ".hidden.secret.json",
            "sp ace.secret.json",
            "\u00e9t\u00e9.json",
            "\u00e9t\u00e9-not.json",
            "build/b.json",
            "build/x/y.json",
            "sub/c.json",
            "sub/d.json",
            "sub/deep/d.json",
            "sub/deep/e.jsonc");
    for (String f : files) {
      Files.writeString(repo.resolve(f), "{}");
    }
    git(repo, "add", "-f", "tracked.secret.json");
    VersionControl run = new VersionControl();
    for (String f : files) {
      Process p =
          new ProcessBuilder("git", "-C", repo.toString(), "check-ignore", "-q", "--", f).start();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      boolean ignored = p.exitValue() == 0;
      assertEquals(!ignored, run.test(repo.resolve(f).toString()), f);
      assertEquals(!ignored, run.test(repo.resolve(f).toString()), f + ", asked again");
      // The same file spelt otherwise: relative to the working directory, through "..", with "./".
      Path relative = Path.of("").toAbsolutePath().relativize(repo.resolve(f));
      assertEquals(!ignored, run.test(relative.toString()), relative.toString());
      String roundabout = repo + "/sub/../" + f.replace("/", "/./");
      assertEquals(!ignored, run.test(roundabout), roundabout);
    }
    assertFalse(run.test(dir.resolve("outside.json").toString()), "outside any work tree");
    assertFalse(run.test("-"), "unnamed standard input is nobody's file (SPEC §2)");
  }

  @Test
  void aRedactedPasswordIsNoFindingWhenTheEnvironmentSuppliesIt() throws Exception {
    Path file =
        Path.of(System.getProperty("smtplint.root", ".")).resolve("testdata/bad/redacted.jsonc");
    Settings fromEnvironment = new Settings(java.util.Set.of(), Map.of(), Optional.empty(), true);
    List<Finding> findings =
        new Linter(fromEnvironment, () -> SCHEMA)
            .check(SourceLoader.load(file, "redacted.jsonc"))
            .results()
            .get(0)
            .findings();
    assertEquals(
        List.of("redacted-value /email.smtp/username"),
        findings.stream().map(f -> f.rule() + " " + f.location().pointer()).toList());
  }
}
