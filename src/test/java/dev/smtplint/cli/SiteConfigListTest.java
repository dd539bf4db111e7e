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
 * README's recipe for keeping the password out of git: .smtplint.json names the SITE_CONFIG_FILE
 * list; a file of it is linted as the whole list, with an absent secrets file left out (and its
 * settings not missed) and a present one linted in full.
 */
class SiteConfigListTest {
  @TempDir Path dir;

  @Test
  void theListIsLintedWholeWhereItIsAndCleanWhereTheSecretIsAbsent() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        config.resolve("site.json"), "{\n  \"email.address\": \"sourcegraph@acme.io\"\n}\n");
    Files.writeString(
        dir.resolve(".smtplint.json"),
        """
            {"siteConfig": ["config/site.json", "config/secrets.json"]}""");
    Run ci = Forked.run(dir, Map.of(), List.of(), "lint", "--fail-on", "info", "config/site.json");
    assertEquals(0, ci.code(), ci.all());
    assertFalse(ci.out().contains("from-without-smtp"), ci.out());
    assertTrue(
        ci.err().contains("config/secrets.json (listed in the settings' siteConfig) is not here"),
        ci.err());
    assertTrue(ci.out().endsWith("0 errors, 0 warnings, 0 info in 1 file\n"), ci.out());

    Files.writeString(
        config.resolve("secrets.json"),
        """
            {
              "email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "plain"}
            }
            """);
    Run deploy = Forked.run(dir, Map.of(), List.of(), "lint", "config/site.json");
    assertEquals(1, deploy.code(), deploy.all());
    assertTrue(
        deploy.out().contains("config/secrets.json:2:") && deploy.out().contains("[auth-unknown]"),
        deploy.out());
    assertTrue(deploy.out().contains("1 error, 0 warnings, 0 info in 2 files"), deploy.out());

    Run alone =
        Forked.run(
            dir,
            Map.of(),
            List.of(),
            "lint",
            "--isolated",
            "--fail-on",
            "warning",
            "config/site.json");
    assertEquals(1, alone.code(), "without the settings the file stands alone: " + alone.out());
    assertTrue(alone.out().contains("[from-without-smtp]"), alone.out());
  }

  /**
   * The CI recipe on an untrusted branch: --isolated ignores .smtplint.json, and the list named
   * with --merge stands in for its siteConfig. A member git ignores that is absent from the clone
   * is noted, not fatal, and the committed file gets no from-without-smtp; a member that is simply
   * not there (a typo) is still an error. The smtplint-merge hook runs the same line.
   */
  @Test
  void anAbsentGitIgnoredMergeMemberIsNotedNotFatal() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        config.resolve("site.json"), "{\n  \"email.address\": \"sourcegraph@acme.io\"\n}\n");
    Files.writeString(dir.resolve(".gitignore"), "config/secrets.json\n");
    GitRepo.init(dir);
    Run ci = isolatedMerge();
    assertEquals(0, ci.code(), ci.all());
    assertFalse(ci.out().contains("from-without-smtp"), ci.out());
    assertTrue(
        ci.err()
            .contains(
                "config/secrets.json (named in --merge config/site.json:config/secrets.json,"
                    + " ignored by git) is not here"),
        ci.err());
    // The Action's line: a walk of the checkout and the list; the list's file is not linted alone.
    Run action = isolatedMerge(".");
    assertEquals(0, action.code(), action.all());
    assertFalse(action.out().contains("from-without-smtp"), action.out());
    assertTrue(action.out().contains("in 1 file"), action.out());
    Run typo =
        Forked.run(
            dir, Map.of(), List.of(), "lint", "--merge", "config/site.json:config/secret.json");
    assertEquals(2, typo.code(), typo.all());
    assertTrue(typo.err().contains("config/secret.json"), typo.err());
  }

  /**
   * Run from outside the repository it lints ("smtplint lint repo/config/site.json"), smtplint
   * finds the repository's .smtplint.json from the file, as ruff finds pyproject.toml: the list is
   * linted whole, no from-without-smtp.
   */
  @Test
  void settingsAreFoundFromTheLintedFileWhenRunFromOutside() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path config = Files.createDirectories(repo.resolve("config"));
    Files.writeString(
        config.resolve("site.json"), "{\n  \"email.address\": \"sourcegraph@acme.io\"\n}\n");
    Files.writeString(
        repo.resolve(".smtplint.json"),
        "{\"siteConfig\": [\"config/site.json\", \"config/secrets.json\"]}");
    GitRepo.init(repo);
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Run run =
        Forked.run(
            outside,
            Map.of(),
            List.of(),
            "lint",
            "--fail-on",
            "info",
            config.resolve("site.json").toString());
    assertEquals(0, run.code(), run.all());
    assertFalse(run.out().contains("from-without-smtp"), run.out());
    assertTrue(run.err().contains("(listed in the settings' siteConfig) is not here"), run.err());
  }

  /**
   * Each file is governed by its nearest .smtplint.json (#31 item 1): two repositories linted in
   * one run from outside both, and a nested settings file inside one of them, each apply to their
   * own files only; --isolated still applies none.
   */
  @Test
  void eachFileIsGovernedByItsNearestSettings() throws Exception {
    Path split = Files.createDirectories(dir.resolve("split/config"));
    Files.writeString(split.resolve("site.json"), "{\n  \"email.address\": \"sg@acme.io\"\n}\n");
    Files.writeString(
        dir.resolve("split/.smtplint.json"),
        "{\"siteConfig\": [\"config/site.json\", \"config/secrets.json\"]}");
    Path plain = Files.createDirectories(dir.resolve("plain/team"));
    Files.writeString(plain.resolve("site.json"), "{\n  \"email.address\": \"sg@acme.io\"\n}\n");
    Files.writeString(
        plain.resolve("quiet.json"),
        "{\n  \"email.address\": \"sg@acme.io\",\n  \"email.smtps\": {}\n}\n");
    Files.writeString(plain.resolve(".smtplint.json"), "{\"disable\": [\"unknown-setting\"]}");
    for (String repo : List.of("split", "plain")) {
      GitRepo.init(dir.resolve(repo));
    }
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Run run =
        Forked.run(
            outside,
            Map.of(),
            List.of(),
            "lint",
            "--fail-on",
            "info",
            split.resolve("site.json").toString(),
            plain.resolve("site.json").toString(),
            plain.resolve("quiet.json").toString());
    // split's list is linted whole (no from-without-smtp there); plain's file alone has it.
    assertEquals(2, count(run.out(), "from-without-smtp"), "plain's two files: " + run.out());
    for (String line : run.out().split("\n")) {
      assertFalse(line.contains("split") && line.contains("from-without-smtp"), run.out());
    }
    assertTrue(run.out().contains("team/site.json"), run.out());
    assertFalse(
        run.out().contains("unknown-setting"), "plain/team's settings disable it: " + run.out());
    assertEquals(1, run.code(), run.all());
    Run isolated =
        Forked.run(
            outside,
            Map.of(),
            List.of(),
            "lint",
            "--isolated",
            plain.resolve("quiet.json").toString());
    assertTrue(isolated.out().contains("unknown-setting"), isolated.out());
  }

  private static int count(String text, String word) {
    return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
  }

  /** The CI recipe's line: --isolated, the list named with --merge, then {@code more}. */
  private Run isolatedMerge(String... more) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "lint",
                "--isolated",
                "--fail-on",
                "info",
                "--merge",
                "config/site.json:config/secrets.json"));
    args.addAll(List.of(more));
    return Forked.run(dir, Map.of(), List.of(), args.toArray(String[]::new));
  }

  @Test
  void aProbeWhereTheSecretsFileIsAbsentFailsAndNamesIt() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        config.resolve("site.json"), "{\n  \"email.address\": \"sourcegraph@acme.io\"\n}\n");
    Files.writeString(
        dir.resolve(".smtplint.json"),
        """
            {"siteConfig": ["config/site.json", "config/secrets.json"]}""");
    Run probe = Forked.run(dir, Map.of(), List.of(), "lint", "--probe", "config/site.json");
    assertEquals(
        1,
        probe.code(),
        "the documented CI probe job must not pass without its secrets file: " + probe.all());
    assertTrue(
        probe
            .out()
            .contains(
                "[probe-not-run] --probe was asked, but the probe did not run: there is no \"email.smtp\" "
                    + "here, and config/secrets.json (listed in the settings' siteConfig), which would supply it, is absent"),
        probe.out());
  }
}
