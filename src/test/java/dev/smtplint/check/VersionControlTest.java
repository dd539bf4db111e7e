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
 * outside any work tree. And a REDACTED password is no finding when the real one comes from the environment.
 */
class VersionControlTest {
  private static final EmailSchema SCHEMA = EmailSchema.load();
  private static final String CONFIG = "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"mail.acme.io\", "
      + "\"port\": 587, \"authentication\": \"PLAIN\", \"username\": \"u\", \"password\": \"k8#Qw2-vR5tLz\"}}";
  @TempDir Path dir;

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + String.join(" ", args));
  }

  private static boolean passwordInFile(Path file) throws Exception {
    Linter linter = new Linter(Settings.DEFAULT, () -> SCHEMA, VersionControl::headedForVersionControl, dev.smtplint.rules.Catalogue.rules());
    return linter.check(SourceLoader.load(file, file.toString())).results().get(0).findings().stream()
        .anyMatch(f -> f.rule().equals("password-in-file"));
  }

  @Test
  void onlyFilesHeadedForVersionControlAreWarnedAbout() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.json"), CONFIG);
    assertFalse(passwordInFile(outside), "a file outside any work tree is not headed for version control");

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

  @Test
  void aRedactedPasswordIsNoFindingWhenTheEnvironmentSuppliesIt() throws Exception {
    Path file = Path.of(System.getProperty("smtplint.root", ".")).resolve("testdata/bad/redacted.jsonc");
    Settings fromEnvironment = new Settings(java.util.Set.of(), Map.of(), Optional.empty(), true);
    List<Finding> findings = new Linter(fromEnvironment, () -> SCHEMA).check(SourceLoader.load(file, "redacted.jsonc"))
        .results().get(0).findings();
    assertEquals(List.of("redacted-value /email.smtp/username"),
        findings.stream().map(f -> f.rule() + " " + f.location().pointer()).toList());
  }
}
