package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.rules.Releases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verdicts for the release the config runs on (#33, SPEC §2, §5, §9): each fact of the table on
 * both sides of its boundary, the same config judged for 3.21, 4.3, 5.2 and the newest, and the
 * release taken from the command line, .smtplint.json or a frontend image's tag.
 */
class ReleasesTest {
  @TempDir Path dir;

  private static final String CONFIG =
      """
      {
        "email.address": "sourcegraph@acme.io",
        "email.senderName": "Acme Sourcegraph",
        "email.smtp": {
          "host": "smtp-relay.gmail.com",
          "port": 587,
          "authentication": "none",
          "disableTLS": false,
          "domain": "sourcegraph.acme.io"
        },
        "email.templates": {
          "resetPassword": {"subject": "Reset", "html": "<a href=\\"{{.URL}}\\">reset</a>"}
        },
        "email.smtps": {}
      }
      """;

  private TreeSet<String> verdict(String release) throws Exception {
    Path file = dir.resolve("site.json");
    Files.writeString(file, CONFIG);
    List<String> args =
        new java.util.ArrayList<>(List.of("lint", "--format", "json", "--fail-on", "never"));
    if (release != null) {
      args.addAll(List.of("--sourcegraph-version", release));
    }
    args.add(file.toString());
    Run run = Run.of(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.all());
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode f : JsonMapper.shared().readTree(run.out()).get("files").get(0).get("findings")) {
      out.add(
          f.get("rule").asString()
              + " "
              + f.get("severity").asString()
              + " "
              + f.get("pointer").asString());
    }
    return out;
  }

  @Test
  void theSameConfigGetsEachReleasesVerdict() throws Exception {
    // 3.21: disableTLS is the setting; templates and senderName are refused by the closed schema;
    // the unknown key too; domain is accepted and ignored (EHLO localhost until 3.41).
    assertEquals(
        new TreeSet<>(
            List.of(
                "setting-not-in-version error /email.templates",
                "setting-not-in-version error /email.senderName",
                "unknown-setting error /email.smtps",
                "setting-ignored-in-version warning /email.smtp/domain")),
        verdict("3.21"));
    // 4.3: disableTLS gone (by 3.41 at the latest); domain sent in EHLO.
    assertEquals(
        new TreeSet<>(
            List.of(
                "setting-not-in-version error /email.templates",
                "setting-not-in-version error /email.senderName",
                "unknown-setting error /email.smtps",
                "deprecated-setting error /email.smtp/disableTLS")),
        verdict("4.3"));
    // 3.30: disableTLS deprecated (3.22) and still read (it is in no 3.30.x tag's removal): a
    // warning; 3.31 refuses it (sourcegraph#23639, tag history): an error.
    assertTrue(
        verdict("3.30").contains("deprecated-setting warning /email.smtp/disableTLS"),
        verdict("3.30").toString());
    assertTrue(
        verdict("3.31").contains("deprecated-setting error /email.smtp/disableTLS"),
        verdict("3.31").toString());
    // 3.18: the closed email.smtp has disableTLS (for alert email only): no error, but its own mail
    // ignores it; 3.17 refuses it.
    assertTrue(
        verdict("3.18").contains("setting-ignored-in-version warning /email.smtp/disableTLS"),
        verdict("3.18").toString());
    assertFalse(
        verdict("3.18").contains("setting-not-in-version error /email.smtp/disableTLS"),
        verdict("3.18").toString());
    assertTrue(
        verdict("3.17").contains("setting-not-in-version error /email.smtp/disableTLS"),
        verdict("3.17").toString());
    // 5.0: the root is open (unknown keys ignored); disableTLS gone; senderName not read yet (5.1,
    // sourcegraph#49906). 5.2 reads it.
    assertEquals(
        new TreeSet<>(
            List.of(
                "setting-ignored-in-version warning /email.senderName",
                "unknown-setting warning /email.smtps",
                "deprecated-setting error /email.smtp/disableTLS")),
        verdict("5.0"));
    assertEquals(
        new TreeSet<>(
            List.of(
                "unknown-setting warning /email.smtps",
                "deprecated-setting error /email.smtp/disableTLS")),
        verdict("5.2"));
    // The newest: today's verdict.
    assertEquals(
        new TreeSet<>(
            List.of(
                "unknown-setting warning /email.smtps",
                "deprecated-setting error /email.smtp/disableTLS")),
        verdict(null));
    assertEquals(verdict(null), verdict("6.3"), "a newer release is judged as the newest known");
  }

  /** Each fact of the table, on both sides of its boundary (and inside an uncertain window). */
  @Test
  void everyFactHoldsFromItsReleaseOnAndIsUncertainWhereTheTableSaysSo() {
    for (Releases.Fact f : Releases.facts()) {
      assertFalse(f.source().isBlank(), f.id() + " cites its source");
      assertTrue(Releases.ESTABLISHED.contains(f.established()), f.id() + ": " + f.established());
      assertEquals(Releases.Holds.YES, Releases.holds(f.id(), Optional.of(f.since())), f.id());
      SourcegraphVersion before =
          new SourcegraphVersion(f.since().major(), f.since().minor() - 1, 0);
      if (f.since().minor() == 0 || f.since().equals(Releases.oldest())) {
        continue;
      }
      Releases.Holds expected =
          f.maybeSince().isPresent() && before.compareTo(f.maybeSince().get()) >= 0
              ? Releases.Holds.UNSURE
              : Releases.Holds.NO;
      assertEquals(expected, Releases.holds(f.id(), Optional.of(before)), f.id() + " at " + before);
      if (f.maybeSince().isPresent()) {
        SourcegraphVersion m = f.maybeSince().get();
        assertEquals(Releases.Holds.UNSURE, Releases.holds(f.id(), Optional.of(m)), f.id());
        assertEquals(
            Releases.Holds.NO,
            Releases.holds(
                f.id(), Optional.of(new SourcegraphVersion(m.major(), m.minor() - 1, 0))),
            f.id());
      }
    }
    assertEquals(Releases.Holds.YES, Releases.holds("templates", Optional.empty()), "newest");
  }

  /**
   * The probe speaks as the judged release: before 3.41 Sourcegraph says EHLO localhost whatever
   * "domain" says (jordan-wright/email's Send), from 3.41 on EHLO with the domain.
   */
  @Test
  void theProbeSaysEhloAsTheJudgedReleaseDoes() throws Exception {
    java.util.List<String> hellos = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (dev.smtplint.probe.ScriptedServer server = recording(hellos)) {
      Path file = dir.resolve("probe.json");
      Files.writeString(
          file,
          "{\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"127.0.0.1\", \"port\": "
              + server.port()
              + ", \"authentication\": \"none\", \"domain\": \"sg.acme.io\"}}");
      Run old =
          Run.of(
              "lint",
              "--probe",
              "--fail-on",
              "never",
              "--sourcegraph-version",
              "3.40",
              file.toString());
      Run now = Run.of("lint", "--probe", "--fail-on", "never", file.toString());
      assertEquals(List.of("EHLO localhost", "EHLO sg.acme.io"), hellos, old.all() + now.all());
    }
  }

  /**
   * docs/releases.md is generated from the table (releases.jsonc), never written by hand: run with
   * -Dsmtplint.regenerate=true to rewrite it.
   */
  @Test
  void theReleasesPageIsGeneratedFromTheTable() throws Exception {
    StringBuilder doc =
        new StringBuilder(
            "# Which Sourcegraph: the facts smtplint judges a release by\n\n"
                + "Generated from `src/main/resources/dev/smtplint/releases.jsonc` (regenerate with `mvn test"
                + " -Dtest=ReleasesTest -Dsmtplint.regenerate=true`). smtplint judges for the release\n"
                + "`--sourcegraph-version` names, else the instance's `productVersion` (`--instance`), a linted\n"
                + "frontend image's tag, `.smtplint.json`'s `sourcegraphVersion`, else the newest it knows ("
                + Releases.newest()
                + " and later\nbehave alike for these facts). Releases before "
                + Releases.oldest()
                + " are refused (exit 2). Where a boundary is not certain the\ntable gives the window,"
                + " and a finding inside it is a warning that says so.\n\n"
                + "The first release tag that has each change was established from Sourcegraph's tag"
                + " history (`tag`), its CHANGELOG or release posts (`changelog`), or inferred from pull"
                + " request and branch-cut dates (`inferred`).\n\n"
                + "| fact | since | established | what | source |\n| --- | --- | --- | --- | --- |\n");
    for (Releases.Fact f : Releases.facts()) {
      doc.append("| `")
          .append(f.id())
          .append("` | ")
          .append(f.arrival())
          .append(f.maybeSince().isPresent() ? " (uncertain)" : "")
          .append(" | ")
          .append(f.established())
          .append(" | ")
          .append(f.what().replace("|", "\\|"))
          .append(" | ")
          .append(f.source().replace("|", "\\|"))
          .append(" |\n");
    }
    Path file = dev.smtplint.Testdata.root().resolve("../docs/releases.md");
    if (Boolean.getBoolean("smtplint.regenerate")) {
      Files.writeString(file, doc.toString());
    }
    assertEquals(
        doc.toString(), Files.readString(file), "docs/releases.md is stale: regenerate it");
  }

  /**
   * Before 3.41 a configured login fails where the server offers no AUTH (Go's smtp.SendMail:
   * "smtp: server doesn't support AUTH"); from 3.41 on Sourcegraph sends without logging in (a
   * warning).
   */
  @Test
  void aServerWithoutAuthFailsTheOldSenderAndWarnsTheNewOne() throws Exception {
    try (dev.smtplint.probe.ScriptedServer server = recording(new java.util.ArrayList<>())) {
      Path file = dir.resolve("noauth.json");
      Files.writeString(
          file,
          "{\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"localhost\", \"port\": "
              + server.port()
              + ", \"authentication\": \"CRAM-MD5\", \"username\": \"sg\", \"password\": \"x\"}}");
      Run old =
          Run.lintJson(
              "--probe",
              "--disable",
              "password-in-file",
              "--sourcegraph-version",
              "3.40",
              file.toString());
      assertTrue(old.out().contains("\"rule\":\"probe-auth-mechanism\""), old.out());
      assertTrue(old.out().contains("smtp: server doesn't support AUTH"), old.out());
      Run now = Run.lintJson("--probe", "--disable", "password-in-file", file.toString());
      assertTrue(now.out().contains("\"rule\":\"probe-auth-not-offered\""), now.out());
      assertFalse(now.out().contains("probe-auth-mechanism"), now.out());
    }
  }

  /**
   * Before 3.41, noVerifyTLS (3.22-3.40) and disableTLS (3.19-3.30) took jordan-wright/email's
   * SendWithStartTLS, which skips AUTH silently where none is offered: no failure there, as on the
   * plain path (#41 item 2).
   */
  @Test
  void theOldStartTlsPathSkipsAuthWhereNoneIsOffered() throws Exception {
    try (dev.smtplint.probe.ScriptedServer server = recording(new java.util.ArrayList<>())) {
      for (String[] c :
          new String[][] {
            {"3.40", "\"noVerifyTLS\": true", "skipped"},
            {"3.30", "\"disableTLS\": true", "skipped"},
            {"3.21", "\"disableTLS\": true", "skipped"},
            {"3.40", "\"noVerifyTLS\": false", "required"},
            {"3.21", "\"noVerifyTLS\": false", "not a setting"}
          }) {
        Path file = dir.resolve("starttls-" + c[0] + c[1].length() + ".json");
        Files.writeString(
            file,
            "{\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"localhost\", \"port\": "
                + server.port()
                + ", \"authentication\": \"CRAM-MD5\", \"username\": \"sg\", \"password\": \"x\", "
                + c[1]
                + "}}");
        Run run =
            Run.lintJson(
                "--probe",
                "--disable",
                "password-in-file,tls-verification-disabled,deprecated-setting",
                "--sourcegraph-version",
                c[0],
                file.toString());
        String at = c[0] + " " + c[1] + ": ";
        switch (c[2]) {
          case "skipped" -> {
            assertFalse(run.out().contains("probe-auth-mechanism"), at + run.out());
            assertTrue(run.out().contains("\"rule\":\"probe-auth-not-offered\""), at + run.out());
          }
          case "required" ->
              assertTrue(run.out().contains("smtp: server doesn't support AUTH"), at + run.out());
          default -> assertTrue(run.out().contains("setting-not-in-version"), at + run.out());
        }
      }
    }
  }

  /**
   * A server on loopback that records each EHLO it is sent and says 250 to everything else, AUTH
   * offered nowhere.
   */
  private static dev.smtplint.probe.ScriptedServer recording(List<String> hellos)
      throws java.io.IOException {
    return new dev.smtplint.probe.ScriptedServer(
        (in, out, socket) -> {
          dev.smtplint.probe.ScriptedServer.say(out, "220 test ESMTP");
          for (String l = in.readLine(); l != null; l = in.readLine()) {
            if (l.startsWith("EHLO")) {
              hellos.add(l);
            }
            dev.smtplint.probe.ScriptedServer.say(out, l.startsWith("QUIT") ? "221 bye" : "250 ok");
            if (l.startsWith("QUIT")) {
              return;
            }
          }
        });
  }

  @Test
  void versionsAreReadAsReleasesAndImagesByTheirTag() {
    assertEquals(Optional.of(new SourcegraphVersion(5, 2, 1)), SourcegraphVersion.parse("v5.2.1"));
    assertEquals(Optional.of(new SourcegraphVersion(5, 2, 0)), SourcegraphVersion.parse("5.2"));
    assertEquals(Optional.empty(), SourcegraphVersion.parse("231106_2023-11-06_5.2-4f5b0d8a3c3e"));
    assertEquals(Optional.empty(), SourcegraphVersion.parse("main"));
    assertEquals(
        Optional.of(new SourcegraphVersion(5, 11, 4)),
        SourcegraphVersion.ofImage(
            "registry.acme.io:5000/sourcegraph/frontend:5.11.4@sha256:" + "0".repeat(64)));
    assertEquals(
        Optional.empty(), SourcegraphVersion.ofImage("registry.acme.io:5000/sourcegraph/frontend"));
  }

  @Test
  void aReleaseOlderThanTheTableOrNotAVersionIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("site.json"), CONFIG);
    for (String bad : List.of("3.3", "banana", "5")) {
      Run run = Run.of("lint", "--sourcegraph-version", bad, dir.resolve("site.json").toString());
      assertEquals(2, run.code(), bad + ": " + run.all());
      assertTrue(run.err().contains("--sourcegraph-version"), run.err());
    }
  }

  /** .smtplint.json's sourcegraphVersion, and a frontend image's tag beating it (SPEC §2). */
  @Test
  void theReleaseComesFromTheSettingsFileOrTheImageTagWithoutAFlag() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    GitRepo.init(repo);
    Files.writeString(repo.resolve(".smtplint.json"), "{\"sourcegraphVersion\": \"4.3\"}");
    Files.writeString(repo.resolve("site.json"), CONFIG);
    Run settings = Run.lintJson(repo.resolve("site.json").toString());
    assertTrue(settings.out().contains("sourcegraphVersion)\"]"), settings.out());
    assertTrue(settings.out().contains("\"Sourcegraph 4.3 ("), settings.out());
    assertTrue(settings.out().contains("setting-not-in-version"), settings.out());

    Files.writeString(
        repo.resolve("deploy.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: site}\ndata:\n  site.json: |\n"
            + "    {\"email.address\": \"a@acme.io\", \"email.templates\": {}, \"email.smtp\": {\"host\": \"smtp.acme.io\","
            + " \"port\": 587, \"authentication\": \"none\"}}\n---\n"
            + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sourcegraph-frontend}\nspec:\n  template:\n"
            + "    spec:\n      containers:\n      - name: frontend\n"
            + "        image: index.docker.io/sourcegraph/frontend:5.2.1@sha256:"
            + "0".repeat(64)
            + "\n"
            + "        env: [{name: SITE_CONFIG_FILE, value: /etc/sg/site.json}]\n"
            + "        volumeMounts: [{name: site, mountPath: /etc/sg}]\n"
            + "      volumes: [{name: site, configMap: {name: site}}]\n");
    Run image = Run.lintJson(repo.resolve("deploy.yaml").toString());
    assertTrue(
        image
            .out()
            .contains(
                "Sourcegraph 5.2.1 (image tag of Deployment/sourcegraph-frontend, container frontend)"),
        image.out());
    assertFalse(
        image.out().contains("setting-not-in-version"), "5.2.1 has templates: " + image.out());
    Run text =
        Run.withInput(
            "", Map.of(), "lint", "--fail-on", "never", repo.resolve("deploy.yaml").toString());
    assertTrue(text.out().contains("Sourcegraph 5.2.1 (image tag of"), text.out());
    assertTrue(text.out().contains("; judged for Sourcegraph"), text.out());
  }

  /** Two frontends of one release: the release named once, with both (#40 item 12). */
  @Test
  void aReleaseSeveralFrontendsNameIsSaidOnce() throws Exception {
    Path compose = dir.resolve("docker-compose.yaml");
    Files.writeString(dir.resolve("site.json"), CONFIG);
    Files.writeString(compose, DeploymentsTest.twoFrontends());
    Run run = Run.lintJson(compose.toString());
    assertTrue(
        run.out()
            .contains(
                "\"judgedFor\":[\"Sourcegraph 5.2.1 (image tag of service sourcegraph-frontend-0,"
                    + " service sourcegraph-frontend-internal)\"]"),
        run.out());
  }
}
