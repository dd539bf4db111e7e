package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory walk reads what a repository's site configs are, as ruff and ripgrep walk: files git
 * ignores, dependencies (node_modules), version control and smtplint's own settings file are not
 * linted; a file named on the command line is, whatever git says; every path is spelt one way.
 */
class WalkTest {
  @TempDir Path dir;

  @Test
  void aWalkSkipsIgnoredFilesDependenciesAndTheSettingsFile() throws Exception {
    String bad =
        "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"h\", \"port\": 465}}";
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/site.json"), "{\"email.address\": \"a@acme.io\"}");
    Files.writeString(dir.resolve("config/staging-site.json"), "{}");
    Files.writeString(dir.resolve("config/generated.json"), bad);
    Files.createDirectories(dir.resolve("node_modules/left-pad"));
    Files.writeString(dir.resolve("node_modules/left-pad/package.json"), bad);
    Files.writeString(dir.resolve(".smtplint.json"), "{\"disable\": []}");
    Files.writeString(dir.resolve(".gitignore"), "config/generated.json\n");
    GitRepo.init(dir);

    Run walk = Forked.run(dir, Map.of(), List.of(), "lint", "--format", "json", ".");
    assertEquals(0, walk.code(), walk.all());
    assertTrue(walk.out().contains("\"path\":\"config/site.json\""), walk.out());
    assertTrue(walk.out().contains("\"path\":\"config/staging-site.json\""), walk.out());
    assertFalse(walk.out().contains("./"), "one spelling of every path: " + walk.out());
    assertFalse(walk.out().contains("generated.json"), walk.out());
    assertFalse(walk.out().contains("package.json"), walk.out());
    assertFalse(walk.out().contains(".smtplint.json\""), walk.out());

    Run named = Forked.run(dir, Map.of(), List.of(), "lint", "config/generated.json");
    assertEquals(1, named.code(), "a file named is read, ignored or not: " + named.all());

    Files.createDirectories(dir.resolve("private"));
    Files.writeString(dir.resolve("private/site.json"), "{}");
    Files.writeString(dir.resolve(".gitignore"), "config/generated.json\nprivate/\n");
    Run onlyIgnored = Forked.run(dir, Map.of(), List.of(), "lint", "private");
    assertEquals(2, onlyIgnored.code(), onlyIgnored.all());
    assertTrue(
        onlyIgnored
            .err()
            .contains(
                "no *.json, *.jsonc, *.yaml or *.yml file that git does not ignore (1 ignored"),
        onlyIgnored.err());
  }

  /** .smtplint.json's exclude: globs a walk skips (SPEC §5), as ruff's extend-exclude. */
  @Test
  void theSettingsExcludeSkipsWalkedFilesButNotNamedOnes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("dashboards/team"));
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        dir.resolve(".smtplint.json"), "{\"exclude\": [\"dashboards/**\", \"legacy-site.json\"]}");
    Files.writeString(dir.resolve("dashboards/team/prod-site.json"), "{ broken");
    Files.writeString(dir.resolve("config/legacy-site.json"), "{ broken");
    Files.writeString(dir.resolve("config/site.json"), "{\"email.address\": \"sg@acme.io\"}");
    Run walk = Run.of("lint", dir.toString());
    assertEquals(0, walk.code(), walk.all());
    assertTrue(walk.out().endsWith("in 1 file\n"), walk.all());
    Run named = Run.of("lint", dir.resolve("config/legacy-site.json").toString());
    assertEquals(1, named.code(), "a file named is linted whatever exclude says: " + named.all());
    Files.writeString(dir.resolve(".smtplint.json"), "{\"exclude\": [\"[unclosed\"]}");
    Run bad = Run.of("lint", dir.toString());
    assertEquals(2, bad.code(), bad.all());
    assertTrue(bad.err().contains("\"exclude\" lists globs"), bad.err());
  }
}
