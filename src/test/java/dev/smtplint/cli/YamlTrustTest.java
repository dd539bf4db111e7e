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
 * The YAML surface attacked as an untrusted branch would (docs/security.md, "Manifests"; issue
 * "Trust round 4"): a password beside a finding, in a --diff context line, in the report after a
 * fix, in a parser's message or a message about a reference; work that grows faster than the input;
 * merge keys that hide a config; raw text in the summary; one folder's threshold for all; a refused
 * fix reported as written. Each test performs the attack and fails on the code before the fix.
 */
class YamlTrustTest {
  static final String PW = "Zq7-Planted-Pw-91x";

  @TempDir Path dir;

  /** A site config with a finding on its one line (port 465) and the password in it. */
  private static final String CONFIG =
      "{\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"smtp.acme.io\", \"port\":"
          + " 465, \"authentication\": \"PLAIN\", \"username\": \"apikey\", \"password\": \""
          + PW
          + "\"}}";

  private Path repo() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    GitRepo.init(repo);
    return repo;
  }

  /** Every format, and --quiet: the finding is there, and no part of the password. */
  private static void neverShown(String expectedRule, String... args) {
    for (String format : Run.FORMATS) {
      String[] all = new String[args.length + 3];
      all[0] = "lint";
      all[1] = "--format";
      all[2] = format;
      System.arraycopy(args, 0, all, 3, args.length);
      Run run = Run.of(all);
      assertTrue(run.all().contains(expectedRule), format + ": " + run.all());
      assertNoPart(format, run.all());
    }
  }

  /** No 6-character part of the password (a mask placed by stale positions leaks a fragment). */
  static void assertNoPart(String what, String output) {
    for (int i = 0; i + 6 <= PW.length(); i++) {
      String part = PW.substring(i, i + 6);
      assertFalse(output.contains(part), what + " shows \"" + part + "\":\n" + output);
    }
  }

  @Test
  void aSecretsOtherKeyOnTheFindingsLineIsMasked() throws Exception {
    Path file = dir.resolve("secret.yaml");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Secret\nmetadata: {name: sg-site}\n"
            + "stringData: {smtp-key: "
            + PW
            + ", site.json: '"
            + CONFIG
            + "'}\n");
    neverShown("implicit-tls-port", file.toString());
  }

  @Test
  void variablesKeysAndCommentsBesideAFindingAreMasked() throws Exception {
    Path file = dir.resolve("cm.yaml");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sg-site\ndata:\n  site.json: |\n    "
            + CONFIG.replace(", \"password\": \"" + PW + "\"", "")
            + " # the password is "
            + PW
            + "\n  smtp-password: "
            + PW
            + " # old password was "
            + PW
            + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sourcegraph-frontend}\n"
            + "spec:\n  template:\n    spec:\n      containers:\n      - name: frontend\n"
            + "        image: sourcegraph/frontend:5.11.4\n"
            + "        env: [{name: SITE_CONFIG_FILE, value: /etc/sg/site.json}, {name:"
            + " SMTP_PASSWORD, value: "
            + PW
            + "}, {name: PGPASS, value: "
            + PW
            + "}]\n");
    Path compose = dir.resolve("docker-compose.yaml");
    Files.writeString(
        compose,
        "services:\n  sourcegraph-frontend-0:\n    image: sourcegraph/frontend:5.11.4\n"
            + "    environment: {SITE_CONFIG_FILE: /etc/sg/site.json, SMTP_PASS: "
            + PW
            + ", SMTP_TOKEN: "
            + PW
            + "}\n    volumes: ['./site.json:/etc/sg/site.json'] # pw "
            + PW
            + "\n");
    Files.writeString(dir.resolve("site.json"), CONFIG.replace(PW, "x"));
    neverShown("site-config-file-unmounted", file.toString());
    neverShown("implicit-tls-port", compose.toString());
  }

  @Test
  void misspeltKeysNeverShowThePasswordInJsonOrConfigMaps() throws Exception {
    for (String key :
        List.of(
            "passwcrd",
            "passwprd",
            "passw0rd",
            "oassword",
            "pa55word",
            "passcode",
            "pword",
            "credential",
            "passwerd",
            "passworA",
            "p\uFFFDssword")) {
      String config = CONFIG.replace("\"password\"", "\"" + key + "\"");
      Path json = dir.resolve("site.json");
      Files.writeString(json, config + " // " + PW + "\n");
      Run run = Run.of("lint", json.toString());
      assertTrue(run.out().contains("implicit-tls-port"), key + ": " + run.all());
      assertNoPart(key + " in JSON", run.all());
      // the file broken (a comma dropped): every token but known names, numbers and literals
      Files.writeString(json, config.replace("465,", "465") + " " + PW + "\n");
      Run broken = Run.of("lint", json.toString());
      assertTrue(broken.out().contains("invalid-json"), key + ": " + broken.all());
      assertNoPart(key + " in broken JSON", broken.all());
      Path yaml = dir.resolve("cm.yaml");
      Files.writeString(
          yaml,
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata:\n  site.json: |\n    "
              + config
              + "\n");
      Run inYaml = Run.of("lint", yaml.toString());
      assertTrue(inYaml.out().contains("implicit-tls-port"), key + ": " + inYaml.all());
      assertNoPart(key + " in a ConfigMap", inYaml.all());
    }
  }

  /**
   * A literal block with fixes that move the password (a host written as a URL shortens its line;
   * the missing authentication is inserted above it under --unsafe-fixes), and the password on the
   * lines after the block, in a --diff's context.
   */
  private static String fixableConfigMap(String kind, String field) {
    return "apiVersion: v1\nkind: "
        + kind
        + "\nmetadata:\n  name: sg-site\n"
        + field
        + ":\n  site.json: |\n    {\n      \"email.address\": \"sg@acme.io\",\n"
        + "      \"email.smtp\": {\"host\": \"smtp://smtp.acme.io:465\", \"port\": 465,"
        + " \"username\": \"u\", \"password\": \""
        + PW
        + "\"}\n    }\n  smtp-password: "
        + PW
        + "\n  # old password was "
        + PW
        + "\n";
  }

  @Test
  void diffContextLinesOfAYamlFileAreMasked() throws Exception {
    Path file = repo().resolve("cm.yaml");
    Files.writeString(file, fixableConfigMap("ConfigMap", "data"));
    Run run = Run.of("lint", "--diff", file.toString());
    assertTrue(run.out().contains("+      \"email.smtp\": {\"host\": \"smtp.acme.io\""), run.all());
    assertTrue(run.out().contains("   smtp-password: ********"), run.all());
    assertNoPart("--diff", run.all());
  }

  @Test
  void theReportAfterAFixIsMaskedAsTheFixedTextIs() throws Exception {
    Path file = repo().resolve("cm.yaml");
    for (String[] object :
        List.of(new String[] {"ConfigMap", "data"}, new String[] {"Secret", "stringData"})) {
      for (String fix : List.of("--fix", "--unsafe-fixes")) { // --fix, then --fix --unsafe-fixes
        String yaml = fixableConfigMap(object[0], object[1]);
        Files.writeString(file, yaml);
        Run run = Run.of("lint", "--fix", fix.equals("--fix") ? "-q" : fix, file.toString());
        String what = object[0] + " " + fix;
        assertTrue(Files.readString(file).contains("\"host\": \"smtp.acme.io\""), what);
        assertTrue(run.out().contains("cm.yaml:9:"), what + ": " + run.all());
        assertNoFragment(what, run.all());
        Run stdin =
            Run.withInput(yaml, Map.of(), "lint", "--fix", fix.equals("--fix") ? "-q" : fix, "-");
        assertTrue(stdin.out().contains("\"host\": \"smtp.acme.io\""), what + ": " + stdin.all());
        assertNoFragment(what + " of standard input", stdin.err());
      }
    }
  }

  /**
   * No 5-character part of the password (a mask that slid by a few characters shows its end), but
   * those of lower-case letters only, which English has too ("anted": "wanted").
   */
  private static void assertNoFragment(String what, String output) {
    for (int i = 0; i + 5 <= PW.length(); i++) {
      String part = PW.substring(i, i + 5);
      if (part.matches("[a-z]+")) {
        continue;
      }
      assertFalse(output.contains(part), what + " shows \"" + part + "\":\n" + output);
    }
  }

  @Test
  void aYamlParsersMessageNeverReachesTheOutput() throws Exception {
    for (String yaml :
        List.of(
            "apiVersion: v1\nkind: ConfigMap\ndata:\n  password: *" + PW + "\n",
            "apiVersion: v1\nkind: Secret\nstringData:\n  p: \"\\U" + PW + "\"\n",
            "apiVersion: v1\nkind: Secret\nstringData:\n  p: " + PW + "\n   - : x\n")) {
      Path file = dir.resolve("bad.yaml");
      Files.writeString(file, yaml);
      for (String format : Run.FORMATS) {
        Run run = Run.of("lint", "--format", format, file.toString());
        assertEquals(2, run.code(), run.all());
        assertTrue(run.err().contains("not read as YAML"), format + ": " + run.err());
        assertNoPart(format + " for " + yaml, run.all());
      }
    }
  }

  @Test
  void aValueAReferencePointsAtIsNeverQuoted() throws Exception {
    Path file = dir.resolve("ref.yaml");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: sg}\ndata:\n  smtp-pw: "
            + PW
            + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: f}\nspec:\n"
            + "  template:\n    spec:\n      containers:\n      - name: frontend\n"
            + "        image: sourcegraph/frontend:5.11.4\n        env:\n"
            + "        - name: SITE_CONFIG_FILE\n"
            + "          valueFrom: {configMapKeyRef: {name: sg, key: smtp-pw}}\n"
            + "      - name: other\n        image: sourcegraph/frontend:5.11.4\n"
            + "        env: [{name: SITE_CONFIG_FILE, value: '"
            + PW
            + "'}]\n");
    neverShown("site-config-file-unmounted", file.toString());
  }

  @Test
  void aliasesToScalarsCountByWhatTheyExpandTo() throws Exception {
    // each alias a site config of 100 KB: linted once per key, 2 GB of work from 2 MB of YAML
    String big = "'{\"email.address\": \"sg@acme.io\", \"pad\": \"" + "x".repeat(100_000) + "\"}'";
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n");
    yaml.append("  k0: &big ").append(big).append('\n');
    for (int i = 1; i < 20_000; i++) {
      yaml.append("  k").append(i).append(": *big\n");
    }
    Path file = dir.resolve("aliases.yaml");
    Files.writeString(file, yaml);
    Run run = Run.of("lint", file.toString());
    assertEquals(2, run.code(), run.all());
    assertTrue(run.err().contains("its aliases expand to more than"), run.err());
    // a few aliases of a large value are a file like any other
    Files.writeString(file, yaml.substring(0, yaml.indexOf("  k50:")));
    Run few = Run.of("lint", file.toString());
    assertTrue(few.code() < 2 && !few.err().contains("expand"), few.err());
    // an alias inside the node it names expands without end: refused as such, not as deep nesting
    Files.writeString(
        file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: &d\n  x: *d\n");
    Run recursive = Run.of("lint", file.toString());
    assertEquals(2, recursive.code(), recursive.all());
    assertTrue(recursive.err().contains("expands without end"), recursive.err());
  }

  @Test
  void oneLongValueIsReadInLinearTime() throws Exception {
    Path file = dir.resolve("long.yaml");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  v: "
            + "y".repeat(16 << 20)
            + "\n");
    long start = System.nanoTime();
    Run run = Run.of("lint", file.toString());
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertEquals(0, run.code(), run.all());
    // 16 MB took 138 s when SnakeYAML re-copied its window on every 1,024 characters; ~1 s now
    assertTrue(seconds < 60, "16 MB of one value took " + seconds + " s");
  }

  @Test
  void aMemberRepeatedInAListIsMergedOnce() throws Exception {
    Path repo = repo();
    String list = ":/etc/sg/site.json".repeat(2_000).substring(1);
    Files.writeString(
        repo.resolve("docker-compose.yaml"),
        "services:\n  sourcegraph-frontend-0:\n    image: sourcegraph/frontend:5.11.4\n"
            + "    environment: ['SITE_CONFIG_FILE="
            + list
            + "']\n    volumes: ['./site.json:/etc/sg/site.json']\n");
    Files.writeString(repo.resolve("site.json"), CONFIG.replace(PW, "x"));
    Run run = Run.lintJson(repo.resolve("docker-compose.yaml").toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("implicit-tls-port"), run.out());
    assertEquals(1, count(run.out(), "implicit-tls-port\""), run.out());
    assertTrue(run.out().length() < 20_000, "the report is " + run.out().length() + " bytes");
    // --merge too: each name merged once, at its last place; its settings found from the first
    dev.smtplint.run.Unit.Merge merge = new dev.smtplint.run.Unit.Merge("a.json:b.json:a.json");
    assertEquals(List.of("b.json", "a.json"), merge.names());
    assertEquals("a.json", merge.first());
  }

  @Test
  void pathsAgainstMountsAreLookedUpByKey() throws Exception {
    int n = 20_000;
    StringBuilder list = new StringBuilder();
    StringBuilder mounts = new StringBuilder();
    StringBuilder volumes = new StringBuilder();
    for (int i = 0; i < n; i++) {
      list.append(i == 0 ? "" : ":").append("/etc/sg/d").append(i).append("/site.json");
      mounts
          .append("        - {name: v")
          .append(i)
          .append(", mountPath: /m/")
          .append(i)
          .append("}\n");
      volumes.append("      - {name: v").append(i).append(", configMap: {name: c}}\n");
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(
        file,
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: f}\nspec:\n  template:\n"
            + "    spec:\n      containers:\n      - name: frontend\n"
            + "        image: sourcegraph/frontend:5.11.4\n"
            + "        env: [{name: SITE_CONFIG_FILE, value: '"
            + list
            + "'}]\n        volumeMounts:\n"
            + mounts
            + "      volumes:\n"
            + volumes);
    long start = System.nanoTime();
    Run run = Run.lintJson(file.toString());
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertEquals(n, count(run.out(), "site-config-file-unmounted\""), run.err());
    // 20,000 paths × 20,000 mounts compared each path with every mount: minutes; ~1 s by key
    assertTrue(seconds < 60, n + " paths against " + n + " mounts took " + seconds + " s");
  }

  /**
   * Thousands of patches of one container, each setting SITE_CONFIG_FILE beside thousands that add
   * a mount: joining each with all the others would grow with their product (1,000 of each took 395
   * MB); past a handful of overlays they stand as written.
   */
  @Test
  void manyOverlaysOfOneContainerAreNotJoinedPairwise() throws Exception {
    int n = 3_000;
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String head =
          "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: f}\nspec:\n"
              + "  template:\n    spec:\n      containers:\n      - name: frontend\n";
      yaml.append(head)
          .append("        env: [{name: SITE_CONFIG_FILE, value: /etc/sg/s")
          .append(i)
          .append(".json}]\n");
      yaml.append(head)
          .append("        volumeMounts: [{name: v")
          .append(i)
          .append(", mountPath: /m/")
          .append(i)
          .append("}]\n      volumes: [{name: v")
          .append(i)
          .append(", configMap: {name: c}}]\n");
    }
    Path file = dir.resolve("overlays.yaml");
    Files.writeString(file, yaml.toString());
    long start = System.nanoTime();
    Run run =
        Forked.run(dir, Map.of(), List.of("-Xmx256m"), "lint", "--format", "json", file.toString());
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertEquals(1, run.code(), run.err());
    assertEquals(n, count(run.out(), "site-config-file-unmounted\""), run.err());
    assertTrue(seconds < 60, n + " overlays took " + seconds + " s");
  }

  @Test
  void runningOutOfMemoryIsOneLineAndExit3() throws Exception {
    Path file = dir.resolve("big.json");
    Files.writeString(file, "{\"email.smtp\": {\"host\": \"" + "h".repeat(40 << 20) + "\"}}");
    Run run = Forked.run(dir, Map.of(), List.of("-Xmx48m"), "lint", file.toString());
    assertEquals(3, run.code(), run.all());
    assertTrue(run.err().startsWith("smtplint: out of memory"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.all().contains("\tat "), run.all());
  }

  @Test
  void mergeKeysAreResolvedAsKubectlResolvesThem() throws Exception {
    Path file = dir.resolve("merge.yaml");
    Files.writeString(
        file,
        "x-cfg: &cfg\n  site.json: '"
            + CONFIG
            + "'\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: sg}\ndata:\n  <<: *cfg\n");
    neverShown("implicit-tls-port", file.toString());
    Path compose = dir.resolve("docker-compose.yaml");
    Files.writeString(dir.resolve("site.json"), CONFIG.replace(PW, "x"));
    Files.writeString(
        compose,
        "x-frontend: &frontend\n  image: sourcegraph/frontend:5.11.4\n"
            + "  environment: [SITE_CONFIG_FILE=/etc/sg/site.json]\n"
            + "  volumes: ['./site.json:/etc/sg/site.json']\n"
            + "services:\n  sourcegraph-frontend-0:\n    <<: *frontend\n"
            + "  sourcegraph-frontend-internal:\n    <<: [*frontend]\n"
            + "    environment: [SITE_CONFIG_FILE=/etc/sg/other.json]\n");
    Run run = Run.lintJson(compose.toString());
    assertTrue(run.out().contains("implicit-tls-port"), run.all());
    assertTrue(run.out().contains("site-config-file-split"), run.all());
  }

  @Test
  void theSummarysJudgedForLineIsEscaped() throws Exception {
    Path repo = repo();
    Files.writeString(repo.resolve("site.json"), CONFIG.replace(PW, "x"));
    Files.writeString(
        repo.resolve("docker-compose.yaml"),
        "services:\n  \"evil\\e]0;t\\a\\n::error file=x::forged\":\n"
            + "    image: sourcegraph/frontend:5.2.1\n"
            + "    environment: [SITE_CONFIG_FILE=/etc/sg/site.json]\n"
            + "    volumes: ['./site.json:/etc/sg/site.json']\n");
    Run run = Run.of("lint", repo.resolve("docker-compose.yaml").toString());
    assertTrue(run.out().contains("judged for Sourcegraph 5.2.1"), run.all());
    for (char c : List.of('\u001b', '\u0007')) {
      assertFalse(run.all().indexOf(c) >= 0, "a raw control character:\n" + run.all());
    }
    assertFalse(run.all().contains("\n::error"), run.all());
  }

  @Test
  void eachFileIsJudgedByItsOwnThresholdInEveryOutput() throws Exception {
    Path repo = repo();
    Files.createDirectories(repo.resolve("a"));
    Files.createDirectories(repo.resolve("b"));
    Files.writeString(repo.resolve("a/.smtplint.json"), "{\"failOn\": \"never\"}");
    Files.writeString(repo.resolve("a/site.json"), CONFIG.replace(PW, "x"));
    Files.writeString(
        repo.resolve("b/site.json"), CONFIG.replace(PW, "x").replace("\"PLAIN\"", "\"plain\""));
    Run junit = Run.of("lint", "--format", "junit", repo.toString());
    assertEquals(1, junit.code(), junit.all());
    assertTrue(junit.out().contains("testsuites name=\"smtplint\" tests=\""), junit.out());
    assertTrue(
        junit.out().matches("(?s).*<testsuite name=\"[^\"]*a/site.json\"[^>]* failures=\"0\".*"),
        junit.out());
    assertTrue(
        junit.out().matches("(?s).*<testsuite name=\"[^\"]*b/site.json\"[^>]* failures=\"3\".*"),
        "b's three errors fail, a's none:\n" + junit.out());
    assertTrue(junit.out().contains("<testsuites name=\"smtplint\" tests=\"5\" failures=\"3\">"));
    Run quiet = Run.of("lint", "--quiet", repo.toString());
    assertEquals(1, quiet.code(), quiet.all());
    assertTrue(quiet.out().contains("b/site.json"), quiet.all());
    assertFalse(quiet.out().contains("a/site.json"), quiet.all());
  }

  @Test
  void aRefusedYamlFixIsReportedAsTheFileOnDisk() throws Exception {
    Path repo = repo();
    Path real = repo.resolve("real.yaml");
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata:\n  site.json: |\n"
            + "    {\"email.smtp\": {\"host\": \"smtp.acme.io\", \"port\": 587,"
            + " \"authentication\": \"plain\"}, \"email.address\": \"a@acme.io\"}\n";
    Files.writeString(real, yaml);
    Path link = repo.resolve("link.yaml");
    Files.createSymbolicLink(link, real);
    Run run = Run.of("lint", "--fix", link.toString());
    assertEquals(2, run.code(), run.all());
    assertTrue(run.err().contains("not fixed"), run.err());
    assertTrue(run.out().contains("auth-unknown"), "the file as it is on disk:\n" + run.all());
    assertFalse(run.out().contains("credentials-missing"), run.all());
    assertEquals(yaml, Files.readString(real));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }
}
