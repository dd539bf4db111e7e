package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.Testdata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * --merge: a SITE_CONFIG_FILE list judged as Sourcegraph loads it, findings in the file that
 * supplied the value.
 */
class MergeTest {
  private static final String SITE = Testdata.root().resolve("merge/site.jsonc").toString();
  private static final String SECRETS = Testdata.root().resolve("merge/secrets.jsonc").toString();
  private static final String OVERRIDE = Testdata.root().resolve("merge/override.jsonc").toString();

  @Test
  void aSplitAddressAndSmtpPairLintsCleanMergedButNotAlone() {
    Run merged = Run.of("lint", "--merge", SITE + ":" + SECRETS);
    assertEquals(0, merged.code(), merged.all());
    assertFalse(merged.out().contains("smtp-without-from"), merged.out());
    assertTrue(
        merged.out().startsWith(SITE + ":4:20: info [ses-verified-sender]"),
        "located in site.jsonc: " + merged.out());
    Run alone = Run.of("lint", SITE, SECRETS);
    assertEquals(1, alone.code());
    assertTrue(
        alone.out().contains("[smtp-without-from]") && alone.out().contains("[from-without-smtp]"),
        alone.out());
  }

  @Test
  void anOverrideInAThirdFileIsLocatedThereAndNamesTheEarlierFile() {
    Run run = Run.of("lint", "--format", "json", "--merge", SITE + ":" + SECRETS + ":" + OVERRIDE);
    assertEquals(1, run.code());
    JsonNode files = JsonMapper.builder().build().readTree(run.out()).get("files");
    assertEquals(3, files.size(), "every file of the list is reported");
    assertEquals(
        0,
        files.get(1).get("findings").size(),
        "secrets.jsonc's email.smtp no longer counts: " + files.get(1));
    JsonNode third = files.get(2);
    assertEquals(OVERRIDE, third.get("path").asString());
    JsonNode duplicate = null;
    for (JsonNode f : third.get("findings")) {
      if (f.get("rule").asString().equals("duplicate-key")) {
        duplicate = f;
      }
    }
    assertTrue(duplicate != null, third.toString());
    assertEquals(3, duplicate.get("line").asInt());
    assertTrue(
        duplicate
            .get("message")
            .asString()
            .contains("replaces the one in " + SECRETS + " (line 4) whole"),
        duplicate.toString());
    assertTrue(
        third.toString().contains("implicit-tls-port") && third.toString().contains("auth-missing"),
        third.toString());
  }

  @Test
  void sarifHasOneArtifactPerFileAndResultsInTheRightOne() {
    Run run = Run.of("lint", "--format", "sarif", "--merge", SITE + ":" + SECRETS + ":" + OVERRIDE);
    JsonNode sarifRun = JsonMapper.builder().build().readTree(run.out()).get("runs").get(0);
    assertEquals(3, sarifRun.get("artifacts").size());
    for (JsonNode result : sarifRun.get("results")) {
      String uri =
          result
              .get("locations")
              .get(0)
              .get("physicalLocation")
              .get("artifactLocation")
              .get("uri")
              .asString();
      assertTrue(
          uri.endsWith(
              result.get("ruleId").asString().equals("ses-verified-sender")
                  ? "site.jsonc"
                  : "override.jsonc"),
          uri);
    }
  }

  @Test
  void aMissingFileInTheListIsExitTwoWithAClearMessage() {
    Run run = Run.of("lint", "--merge", SITE + ":no-such-secrets.json");
    assertEquals(2, run.code());
    assertEquals(
        "smtplint: no-such-secrets.json: no such file (named in --merge "
            + SITE
            + ":no-such-secrets.json)\n",
        run.err());
    Run nothing = Run.of("lint");
    assertEquals(2, nothing.code());
    assertTrue(nothing.err().contains("lint needs a FILE or --merge"), nothing.err());
  }
}
