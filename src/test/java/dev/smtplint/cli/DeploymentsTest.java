package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.smtplint.Testdata;
import dev.smtplint.config.SourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Site configs where deployments keep them (#32, SPEC §1, §9): each directory of testdata/deploy/
 * is a deploy repository of one shape, linted whole, and must produce exactly the findings its
 * files expect, on the YAML's own lines.
 */
class DeploymentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyDeploymentShapeProducesExactlyWhatItsFilesExpect() {
    return Testdata.deployments().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  /**
   * A directory linted whole; or, {@code piped/}, each of its files on standard input (rendered
   * output, as {@code kubectl kustomize … | smtplint lint -} gives it), its findings matched to it.
   */
  private static void check(Path dir) throws IOException {
    TreeSet<String> actual = new TreeSet<>();
    StringBuilder out = new StringBuilder();
    List<Path> piped = new java.util.ArrayList<>();
    if (dir.getFileName().toString().equals("piped")) {
      try (Stream<Path> list = Files.list(dir)) {
        piped.addAll(list.sorted().toList());
      }
    }
    for (Path input : piped.isEmpty() ? List.of(dir) : piped) {
      Run run =
          piped.isEmpty()
              ? Run.lintJson(dir.toString())
              : Run.withInput(
                  Files.readString(input),
                  java.util.Map.of(),
                  "lint",
                  "--format",
                  "json",
                  "--fail-on",
                  "never",
                  "-");
      assertEquals(0, run.code(), run.all());
      out.append(run.out());
      for (JsonNode file : JSON.readTree(run.out()).get("files")) {
        String path = file.get("path").asString();
        for (JsonNode f : file.get("findings")) {
          actual.add(
              (path.equals("-") ? input : Path.of(path)).toAbsolutePath().normalize()
                  + ":"
                  + f.get("line").asInt()
                  + " "
                  + f.get("rule").asString());
        }
      }
    }
    TreeSet<String> expected = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      List<String> lines;
      try {
        lines = SourceLoader.load(file, file.toString()).lines();
      } catch (SourceLoader.UnreadableException e) {
        throw new IOException(e);
      }
      for (Testdata.Expected e : Testdata.expectations(lines)) {
        expected.add(file.toAbsolutePath().normalize() + ":" + e.line() + " " + e.rule());
      }
    }
    if (!expected.equals(actual)) {
      TreeSet<String> missing = new TreeSet<>(expected);
      missing.removeAll(actual);
      TreeSet<String> unexpected = new TreeSet<>(actual);
      unexpected.removeAll(expected);
      fail(dir + "\n  missing: " + missing + "\n  unexpected: " + unexpected + "\n" + out);
    }
  }

  /** The Deployment's list merged from YAML equals --merge over the same two files. */
  @Test
  void theMergedVerdictEqualsMergeOverTheSameFiles() throws IOException {
    Path dir = Testdata.root().resolve("deploy/kubernetes");
    String cm = Files.readString(dir.resolve("frontend-config-files.yaml"));
    String site = cm.substring(cm.indexOf("site.json: |") + "site.json: |".length() + 1);
    site = site.substring(0, site.indexOf("kind:")).replaceAll("(?m)^    ", "");
    String secret = Files.readString(dir.resolve("frontend-secrets.yaml"));
    String base64 = secret.substring(secret.indexOf("secrets.json: ") + 14).split("\n")[0];
    Files.writeString(tmp.resolve("site.json"), site);
    Files.write(tmp.resolve("secrets.json"), Base64.getDecoder().decode(base64));
    Run merged =
        Run.lintJson("--merge", tmp.resolve("site.json") + ":" + tmp.resolve("secrets.json"));
    Run yaml = Run.lintJson(dir.toString());
    assertEquals(verdict(merged), verdict(yaml));
    assertFalse(verdict(yaml).isEmpty());
  }

  /** Rule and pointer of every finding: what was judged, wherever it was written. */
  private static TreeSet<String> verdict(Run run) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode file : JSON.readTree(run.out()).get("files")) {
      for (JsonNode f : file.get("findings")) {
        out.add(f.get("rule").asString() + " " + f.get("pointer").asString());
      }
    }
    return out;
  }

  /** A Secret's values and a password in plain sight never reach any output, in any encoding. */
  @Test
  void noSecretIsPrintedInAnyFormat() throws IOException {
    String secret =
        Files.readString(Testdata.root().resolve("deploy/kubernetes/frontend-secrets.yaml"));
    String base64 = secret.substring(secret.indexOf("secrets.json: ") + 14).split("\n")[0];
    for (String format : Run.FORMATS) {
      for (String dir : List.of("kubernetes", "kubernetes-unmounted", "compose", "helm")) {
        Run run =
            Run.of(
                "lint",
                "--format",
                format,
                "--fail-on",
                "never",
                Testdata.root().resolve("deploy/" + dir).toString());
        for (String leak :
            List.of("kq7-Zb2", base64.substring(0, 24), "SENDGRID_API_KEY", "acmeMail.pw")) {
          assertFalse(
              run.all().contains(leak), format + " " + dir + " shows " + leak + ":\n" + run.all());
        }
      }
    }
  }

  /**
   * A Secret's stringData block is masked whole in every excerpt, whatever line a finding quotes
   * (its masks, built from several places, are kept in order: the formatters search them).
   */
  @Test
  void aSecretsLiteralBlockIsNeverQuoted() throws IOException {
    Path file = tmp.resolve("secret.yaml");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp\nstringData:\n  smtp.json: |\n"
            + "    {\"email.address\": \"sg@acme.io\", \"email.smtp\": {\n"
            + "      \"host\": \"smtp.acme.io\", \"port\": 465, \"username\": \"zq-user-81\",\n"
            + "      \"authentication\": \"plain\", \"password\": \"zq-pass-81\"}}\n");
    for (String format : Run.FORMATS) {
      Run run = Run.of("lint", "--format", format, "--fail-on", "never", file.toString());
      assertTrue(run.all().contains("implicit-tls-port"), format + ": " + run.all());
      assertFalse(run.all().contains("zq-user-81"), format + ": " + run.all());
      assertFalse(run.all().contains("zq-pass-81"), format + ": " + run.all());
      assertFalse(
          run.all().contains("smtp.acme.io\", \"port\""),
          format + " quotes the block: " + run.all());
    }
  }

  /** A walk of a repository whose YAML carries no site config is quiet, and exits 0. */
  @Test
  void unrelatedYamlIsCountedInAWalkAndSaysSoWhenNamed() {
    Path dir = Testdata.root().resolve("deploy/unrelated");
    Run walk = Run.of("lint", dir.toString());
    assertEquals(0, walk.code(), walk.all());
    assertEquals(
        "smtplint: note: 2 files of the walked directories are neither a site config nor a"
            + " manifest (package.json, dashboards, Helm templates …): skipped; name one to lint"
            + " it\n",
        walk.err());
    Run named = Run.of("lint", dir.resolve("ci.yaml").toString());
    assertEquals(0, named.code(), named.all());
    assertTrue(
        named.err().contains("no Kubernetes or compose object here carries a site config"),
        named.err());
    assertFalse(named.all().contains("invalid-json"), named.all());
  }

  /** YAML that is not YAML, named: one line with its position, exit 2, no stack trace. */
  @Test
  void brokenYamlNamedIsAClearErrorAndWalkedIsSkipped() throws IOException {
    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, "apiVersion: v1\nkind: ConfigMap\ndata:\n  site.json: [unclosed\n");
    Run named = Run.of("lint", broken.toString());
    assertEquals(2, named.code(), named.all());
    assertTrue(named.err().contains("broken.yaml:"), named.err());
    assertTrue(named.err().contains("not read as YAML"), named.err());
    assertFalse(named.all().contains("Exception"), named.all());
    Files.writeString(
        tmp.resolve("site.json"),
        "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"none\"}}");
    Run walk = Run.of("lint", tmp.toString());
    assertEquals(0, walk.code(), walk.all());
  }

  /**
   * Real clients: kubectl renders the ConfigMap and Secret (and kustomize the generator), and the
   * findings stand on the lines kubectl wrote the values on.
   */
  @Test
  void manifestsKubectlRendersAreLintedOnTheirOwnLines() throws Exception {
    Assumptions.assumeTrue(
        kubectl(tmp, "version", "--client").isPresent(), "kubectl is not installed");
    Files.writeString(
        tmp.resolve("site.json"),
        "{\n  \"email.address\": \"sg@acme.io\",\n  \"email.smtp\": {\n    \"host\": \"smtp.acme.io\",\n"
            + "    \"port\": 465,\n    \"authentication\": \"PLAIN\",\n    \"username\": \"sg\",\n"
            + "    \"password\": \"${SMTP_PASSWORD}\"\n  }\n}\n");
    String cm =
        kubectl(
                tmp,
                "create",
                "configmap",
                "frontend-config-files",
                "--from-file=site.json",
                "--dry-run=client",
                "-o",
                "yaml")
            .orElseThrow();
    Files.writeString(tmp.resolve("cm.yaml"), cm);
    Run run = Run.lintJson(tmp.resolve("cm.yaml").toString());
    int portLine = lineOf(cm, "\"port\": 465");
    int passwordLine = lineOf(cm, "\"password\"");
    TreeSet<String> got = new TreeSet<>();
    for (JsonNode file : JSON.readTree(run.out()).get("files")) {
      for (JsonNode f : file.get("findings")) {
        got.add(f.get("rule").asString() + "@" + f.get("line").asInt());
      }
    }
    assertTrue(got.contains("implicit-tls-port@" + portLine), got + "\n" + cm);
    assertTrue(got.contains("unexpanded-variable@" + passwordLine), got + "\n" + cm);

    String secret =
        kubectl(
                tmp,
                "create",
                "secret",
                "generic",
                "frontend-secrets",
                "--from-file=site.json",
                "--dry-run=client",
                "-o",
                "yaml")
            .orElseThrow();
    Files.writeString(tmp.resolve("secret.yaml"), secret);
    Run s = Run.lintJson(tmp.resolve("secret.yaml").toString());
    int keyLine = lineOf(secret, "site.json:");
    assertTrue(s.out().contains("\"rule\":\"implicit-tls-port\",\"severity\":\"error\""), s.out());
    assertTrue(s.out().contains("\"line\":" + keyLine + ","), s.out());

    java.util.Optional<String> kustomized =
        kubectl(Path.of("."), "kustomize", Testdata.root().resolve("deploy/kustomize").toString());
    Run k =
        Run.withInput(
            kustomized.orElseThrow(),
            Map.of(),
            "lint",
            "--format",
            "json",
            "--fail-on",
            "never",
            "-");
    assertTrue(k.out().contains("\"rule\":\"host-invalid\""), k.all());
    // With buildMetadata: [originAnnotations], kustomize records the file it built from: named.
    Path origin = Files.createDirectories(tmp.resolve("origin"));
    Files.copy(Testdata.root().resolve("deploy/kustomize/site.json"), origin.resolve("site.json"));
    Files.writeString(
        origin.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
            + "buildMetadata: [originAnnotations]\n"
            + "configMapGenerator:\n- name: frontend-config-files\n  files: [site.json]\n");
    Run named =
        Run.withInput(
            kubectl(Path.of("."), "kustomize", origin.toString()).orElseThrow(),
            Map.of(),
            "lint",
            "-");
    assertTrue(named.out().contains("site.json (from kustomization.yaml)]"), named.all());
    assertTrue(k.out().contains("\"line\":" + lineOf(kustomized.get(), "\"host\"") + ","), k.out());
  }

  /**
   * --fix in a literal block keeps the block's indentation and every byte outside its edits; the
   * diff masks a Secret's value; a base64 value is not edited, and says why.
   */
  @Test
  void fixesLandInTheBlockAndBase64IsLeftAlone() throws Exception {
    String cm =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frontend-config-files\ndata:\n"
            + "  site.json: |\n    {\n      \"email.address\": \"sg@acme.io\",\n"
            + "      \"email.smtp\": {\"host\": \"smtp.acme.io\", \"port\": 587,"
            + " \"authentication\": \"plain\", \"username\": \"sg\", \"password\": \"kq7-Zb2-acme\"}\n"
            + "    }\n  other: keep\n";
    Path file = tmp.resolve("cm.yaml");
    Files.writeString(file, cm);
    Run diff = Run.of("lint", "--diff", file.toString());
    assertEquals(1, diff.code(), diff.all());
    assertTrue(diff.out().contains("\"authentication\": \"PLAIN\""), diff.out());
    assertFalse(
        diff.out().contains("kq7-Zb2"), "the password is masked in the diff: " + diff.out());
    Run fix = Run.of("lint", "--fix", "--fail-on", "never", file.toString());
    assertEquals(0, fix.code(), fix.all());
    assertEquals(cm.replace("\"plain\"", "\"PLAIN\""), Files.readString(file));
    assertFalse(fix.all().contains("kq7-Zb2"), fix.all());

    String secret =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  site.json: "
            + Base64.getEncoder()
                .encodeToString(
                    "{\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"smtp.acme.io\", \"port\": 587, \"authentication\": \"plain\"}}"
                        .getBytes(StandardCharsets.UTF_8))
            + "\n";
    Path b64 = tmp.resolve("secret.yaml");
    Files.writeString(b64, secret);
    Run refused = Run.of("lint", "--fix", b64.toString());
    assertEquals(secret, Files.readString(b64), "base64 is never edited");
    assertTrue(
        refused.err().contains("not fixed: a site config of the list is base64"), refused.err());
    assertEquals(1, refused.code(), refused.all());
  }

  /**
   * A fixed YAML file is written as any fixed file is: never through a symbolic link, never over a
   * file that changed after it was read.
   */
  @Test
  void aFixedManifestIsNotWrittenThroughALink() throws Exception {
    String cm =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: site\ndata:\n  site.json: |\n"
            + "    {\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"smtp.acme.io\","
            + " \"port\": 587, \"authentication\": \"plain\"}}\n";
    Path real = Files.writeString(tmp.resolve("real.yaml"), cm);
    Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), real);
    Run run = Run.of("lint", "--fix", link.toString());
    assertEquals(cm, Files.readString(real), "nothing written through the link: " + run.all());
    assertTrue(run.err().contains("symbolic link"), run.err());
    assertEquals(2, run.code(), run.all());
  }

  /** --probe on a Deployment's merged list: the probe talks to the server the Secret names. */
  @Test
  void theProbeRunsOnTheMergedList() throws Exception {
    try (dev.smtplint.probe.TestSmtpServer server =
        dev.smtplint.probe.TestSmtpServer.builder().start()) {
      Path dir = Files.createDirectories(tmp.resolve("deploy"));
      Files.writeString(
          dir.resolve("cm.yaml"),
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: site\ndata:\n  site.json: |\n"
              + "    {\"email.address\": \"sourcegraph@acme.io\"}\n");
      Files.writeString(
          dir.resolve("secret.yaml"),
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp\nstringData:\n  smtp.json: |\n"
              + "    {\"email.smtp\": {\"host\": \"localhost\", \"port\": "
              + server.port()
              + ", \"authentication\": \"none\"}}\n");
      Files.writeString(
          dir.resolve("frontend.yaml"),
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sourcegraph-frontend\nspec:\n"
              + "  template:\n    spec:\n      containers:\n      - name: frontend\n"
              + "        image: sourcegraph/frontend:5.11.4\n        env:\n"
              + "        - name: SITE_CONFIG_FILE\n          value: /etc/sg/site.json:/etc/sg/smtp/smtp.json\n"
              + "        volumeMounts:\n        - {name: site, mountPath: /etc/sg}\n"
              + "        - {name: smtp, mountPath: /etc/sg/smtp}\n      volumes:\n"
              + "      - {name: site, configMap: {name: site}}\n      - {name: smtp, secret: {secretName: smtp}}\n");
      Run run =
          Run.of("lint", "--probe", "--format", "json", "--fail-on", "warning", dir.toString());
      assertEquals(0, run.code(), run.all());
      JsonNode files = JSON.readTree(run.out()).get("files");
      boolean probed = false;
      for (JsonNode f : files) {
        if (f.has("probe") && !f.get("probe").isNull()) {
          probed = true;
          assertTrue(f.get("path").asString().endsWith("secret.yaml"), f.toString());
          assertTrue(f.get("probe").toString().contains("\"ehlo\""), f.toString());
        }
      }
      assertTrue(probed, run.out());
    }
  }

  /**
   * Real clients: docker-compose's own reading of the compose file (config: environment as a map,
   * bind sources absolute) lints to the same findings as the file itself.
   */
  @Test
  void composeConfigAsDockerComposeReadsItLintsTheSame() throws Exception {
    Path compose = Testdata.root().resolve("deploy/compose/docker-compose.yaml");
    java.util.Optional<String> rendered =
        tool(Path.of("."), "docker-compose", "-f", compose.toString(), "config");
    Assumptions.assumeTrue(rendered.isPresent(), "docker-compose is not installed");
    Path target = Files.createDirectories(Path.of("target"));
    Path file = Files.createTempFile(target, "compose-config-", ".yaml");
    try {
      Files.writeString(file, rendered.get());
      Run theirs = Run.lintJson(file.toString());
      Run ours = Run.lintJson(compose.toString());
      assertEquals(rules(ours), rules(theirs), theirs.all());
      assertTrue(
          rules(ours)
              .contains(
                  "implicit-tls-port /email.smtp/port testdata/deploy/compose/config/site.json:7"),
          ours.out());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Rule and pointer of every finding, and the local files' findings by place. */
  private static List<String> rules(Run run) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode file : JSON.readTree(run.out()).get("files")) {
      for (JsonNode f : file.get("findings")) {
        String path = file.get("path").asString();
        out.add(
            f.get("rule").asString()
                + " "
                + f.get("pointer").asString()
                + (path.endsWith(".json") ? " " + path + ":" + f.get("line").asInt() : ""));
      }
    }
    out.sort(null);
    return out;
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle + " not in\n" + text);
  }

  private static java.util.Optional<String> kubectl(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(List.of(args));
    return tool(dir, command.toArray(String[]::new));
  }

  /** A tool's standard output, where it is installed and succeeds. */
  private static java.util.Optional<String> tool(Path dir, String... command) throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder(List.of(command))
              .directory(dir.toFile())
              .redirectErrorStream(false)
              .start();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new String(out, StandardCharsets.UTF_8));
  }

  /** A YAML comment silences a finding on the YAML line after it, as // does in a site config. */
  @Test
  void yamlCommentsSilenceTheNextLineAndNameOnlyRules() throws IOException {
    String frontend =
        Files.readString(Testdata.root().resolve("deploy/kubernetes-unmounted/frontend.yaml"));
    String silenced =
        frontend.replace(
            "              # expect: site-config-file-unmounted@50\n",
            "              # smtplint-disable-next-line site-config-file-unmounted -- a webhook"
                + " mounts it\n");
    assertTrue(!silenced.equals(frontend));
    Path file = tmp.resolve("frontend.yaml");
    Files.writeString(file, silenced);
    Run run = Run.lintJson(file.toString());
    assertFalse(run.out().contains("site-config-file-unmounted"), run.out());
    assertTrue(run.out().contains("secret-in-configmap"), "the rest stays: " + run.out());

    Files.writeString(file, "# smtplint-disable-next-line site-config-file-unmountd\n" + silenced);
    Run typo = Run.lintJson(file.toString());
    assertTrue(typo.out().contains("\"rule\":\"unknown-rule\",\"severity\""), typo.out());
    assertTrue(typo.out().contains("\"line\":1,"), typo.out());
  }

  /** A frontend with no SITE_CONFIG_FILE anywhere: said in a note, not "in 0 files" in silence. */
  @Test
  void aFrontendWithoutAListSaysWhereItsConfigLives() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: sourcegraph-frontend}
        spec:
          template:
            spec:
              containers:
                - name: frontend
                  image: index.docker.io/sourcegraph/frontend:6.0.0
        """;
    Run run = Run.withInput(yaml, java.util.Map.of(), "lint", "-");
    assertEquals(0, run.code(), run.all());
    assertTrue(run.err().contains("its site config lives in Sourcegraph's database"), run.all());
    assertTrue(run.err().contains("--instance"), run.all());
  }

  /** A Helm template named, or its _helpers.tpl: named as one, with what to lint instead. */
  @Test
  void aHelmTemplateIsNamedAsOneNotAParserError() throws IOException {
    Path template = tmp.resolve("frontend.ConfigMap.yaml");
    Files.writeString(
        template,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n"
            + "{{- toYaml .Values.frontend.siteConfig | nindent 2 }}\n");
    Path helpers = tmp.resolve("_helpers.tpl");
    Files.writeString(helpers, "{{- define \"sg.name\" -}}\n{{ .Chart.Name }}\n{{- end }}\n");
    Run run = Run.of("lint", template.toString(), helpers.toString());
    assertEquals(0, run.code(), run.all());
    assertTrue(run.err().contains("frontend.ConfigMap.yaml: a Helm template"), run.err());
    assertTrue(run.err().contains("_helpers.tpl: a Helm template"), run.err());
    assertTrue(run.err().contains("helm template"), run.err());
    assertFalse(run.all().contains("invalid-json"), run.all());
    assertFalse(run.all().contains("not read as YAML"), run.all());
  }

  /** A ':' list for a frontend before 3.34, which reads it as one path (SPEC §7). */
  @Test
  void aListGivenToAReleaseBefore334IsOnePathThatIsNotThere() throws IOException {
    Path src = Testdata.root().resolve("deploy/kubernetes");
    for (String[] c :
        new String[][] {
          {"3.30.0", "true"}, {"3.34.0", "false"}, {"5.2.1", "false"}, {"6.2.1", "false"}
        }) {
      Path dir = Files.createDirectories(tmp.resolve("k" + c[0]));
      try (Stream<Path> files = Files.list(src)) {
        for (Path f : files.toList()) {
          Files.writeString(
              dir.resolve(f.getFileName()),
              Files.readString(f).replace("frontend:5.11.4", "frontend:" + c[0]));
        }
      }
      Run run = Run.lintJson(dir.toString());
      assertEquals(
          Boolean.parseBoolean(c[1]),
          run.out().contains("reads SITE_CONFIG_FILE as one path"),
          c[0] + ": " + run.out());
      // a release past the table is judged as its newest, and the report says so
      assertEquals(
          c[0].startsWith("6."),
          run.out().contains("newer than smtplint's table, judged as"),
          c[0] + ": " + run.out());
    }
  }

  /** A file two frontends mount: linted, reported and fixed once (#40 item 8). */
  @Test
  void aFileTwoFrontendsMountIsLintedAndFixedOnce() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("compose"));
    Files.writeString(
        dir.resolve("site.json"),
        "{\"email.address\": \"sg@acme.io\", \"email.smtp\": {\"host\": \"smtp.acme.io\","
            + " \"port\": 587, \"authentication\": \"plain\"}}\n");
    Path compose = dir.resolve("docker-compose.yaml");
    Files.writeString(compose, twoFrontends());
    Run run = Run.of("lint", "--fail-on", "never", compose.toString());
    assertEquals(0, run.code(), run.all());
    assertEquals(1, run.out().split("\\[auth-unknown\\]", -1).length - 1, run.out());
    assertTrue(run.out().contains("in 1 file"), run.out());
    Run fixed = Run.of("lint", "--fix", "--fail-on", "never", compose.toString());
    assertEquals(0, fixed.code(), fixed.all());
    assertTrue(Files.readString(dir.resolve("site.json")).contains("\"PLAIN\""));
    assertFalse(fixed.all().contains("changed since"), fixed.all());
  }

  /**
   * docker-compose's own merge of the project file and its override, piped in with the name of a
   * file beside them: the same verdict as the walk of the two files (#40 item 7).
   */
  @Test
  void composeConfigOutputOfAnOverriddenProjectIsJudgedAsTheWalkIs() throws Exception {
    Path dir = Testdata.root().resolve("deploy/compose-override");
    java.util.Optional<String> rendered = tool(dir, "docker-compose", "config");
    Assumptions.assumeTrue(rendered.isPresent(), "docker-compose is not installed");
    Run walk = Run.lintJson(dir.toString());
    Run piped =
        Run.withInput(
            rendered.get(),
            java.util.Map.of(),
            "lint",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--stdin-filename",
            dir.resolve("rendered.yaml").toString(),
            "-");
    for (String rule : new String[] {"setting-not-in-version", "site-config-file-split"}) {
      assertTrue(walk.out().contains(rule), walk.out());
      assertTrue(piped.out().contains(rule), rule + ": " + piped.all());
    }
    assertFalse(piped.all().contains("is not read"), piped.all());
  }

  /**
   * A kustomize overlay whose generators make the frontend's ConfigMap and Secret: walked, each
   * generator's file is a member of the frontend's list (no false smtp-without-from or
   * from-without-smtp on the halves, no "not in the linted files"); rendered by kubectl, the same
   * verdict (#40 item 2).
   */
  @Test
  void anOverlaysGeneratorFilesAreMembersOfTheFrontendsList() throws Exception {
    Path dir = Testdata.root().resolve("deploy/kustomize-overlay");
    Run walk = Run.lintJson(dir.toString());
    assertFalse(walk.all().contains("smtp-without-from"), walk.all());
    assertFalse(walk.all().contains("from-without-smtp"), walk.all());
    assertFalse(walk.all().contains("not in the linted files"), walk.all());
    for (Run run : List.of(walk, renderedOverlay(dir))) {
      assertTrue(run.out().contains("implicit-tls-port"), run.all());
      assertFalse(run.all().contains("without-"), run.all());
    }
  }

  /**
   * Env and mounts in separate patches of one kustomization: joined as kustomize's strategic merge
   * joins them, no false site-config-file-unmounted; kubectl's rendering agrees (#40 item 3).
   */
  @Test
  void patchesOfOneContainerAreJoinedAsKustomizeJoinsThem() throws Exception {
    Path dir = Testdata.root().resolve("deploy/kustomize-patches");
    Run walk = Run.lintJson(dir.toString());
    assertFalse(walk.all().contains("site-config-file-unmounted"), walk.all());
    assertTrue(
        walk.out().contains("Sourcegraph 5.2.1 (image tag of"), "the base's image: " + walk.out());
    for (Run run : List.of(walk, renderedOverlay(dir))) {
      assertTrue(run.out().contains("auth-unknown"), run.all());
      assertFalse(run.all().contains("site-config-file-unmounted"), run.all());
    }
  }

  /**
   * The env patch in a kustomize Component, the mounts in the overlay's own patch: joined as
   * kustomize joins them (a component's patches apply to the overlay's resources), and the planted
   * mistake found once, walked and rendered (#40, "Done when": components).
   */
  @Test
  void aComponentsPatchesAreJoinedWithTheOverlays() throws Exception {
    Path dir = Testdata.root().resolve("deploy/kustomize-component");
    Run walk = Run.lintJson(dir.toString());
    for (Run run : List.of(walk, renderedOverlay(dir))) {
      assertFalse(run.all().contains("site-config-file-unmounted"), run.all());
      assertEquals(
          1, run.out().split("\"auth-unknown\"", -1).length - 1, "found once: " + run.out());
    }
    // kustomize's origin annotations (buildMetadata) name the generator: with the kustomization
    // named, the finding points into site.json, the file the admin edits (#40 item 1)
    java.util.Optional<String> rendered = tool(dir, "kubectl", "kustomize", "overlays/prod");
    Assumptions.assumeTrue(rendered.isPresent(), "kubectl is not installed");
    String overlay = Testdata.root().relativize(dir).toString();
    Run named =
        Run.withInput(
            rendered.get(),
            java.util.Map.of(),
            "lint",
            "--stdin-filename",
            "testdata/" + overlay + "/overlays/prod/kustomization.yaml",
            "-");
    assertTrue(
        named
            .out()
            .startsWith(
                "testdata/" + overlay + "/overlays/prod/site.json:7:23: error [auth-unknown]"),
        named.all());
  }

  /**
   * A finding in a manifest names its object: JSON's "object", SARIF's logicalLocations, and a
   * GitHub annotation for standard input names the file the renderer recorded (#40 item 11).
   */
  @Test
  void findingsInManifestsNameTheirObject() throws Exception {
    Path dir = Testdata.root().resolve("deploy/kubernetes-unmounted");
    JsonNode json = JSON.readTree(Run.lintJson(dir.toString()).out());
    List<String> objects = new java.util.ArrayList<>();
    for (JsonNode f : json.get("files").get(0).get("findings")) {
      objects.add(f.get("rule").asString() + " " + f.get("object"));
    }
    assertTrue(
        objects.contains(
            "password-in-file {\"kind\":\"ConfigMap\",\"name\":\"frontend-config-files\","
                + "\"key\":\"site.json\"}"),
        objects.toString());
    assertTrue(
        objects.contains(
            "site-config-file-unmounted {\"kind\":\"StatefulSet\",\"name\":"
                + "\"sourcegraph-frontend\",\"container\":\"frontend\"}"),
        objects.toString());
    String sarif = Run.of("lint", "--format", "sarif", "--fail-on", "never", dir.toString()).out();
    assertTrue(
        sarif.contains("\"fullyQualifiedName\" : \"ConfigMap/frontend-config-files site.json\""),
        sarif);
    String rendered =
        "# Source: sourcegraph/templates/frontend.ConfigMap.yaml\n"
            + Files.readString(dir.resolve("frontend.yaml"));
    Run github =
        Run.withInput(
            rendered, java.util.Map.of(), "lint", "--format", "github", "--fail-on", "never", "-");
    assertTrue(
        github.out().contains("file=sourcegraph/templates/frontend.ConfigMap.yaml,line="),
        github.out());
  }

  /** The overlay kubectl renders, linted from standard input (skipped without kubectl). */
  private static Run renderedOverlay(Path dir) throws Exception {
    java.util.Optional<String> rendered = tool(dir, "kubectl", "kustomize", "overlays/prod");
    Assumptions.assumeTrue(rendered.isPresent(), "kubectl is not installed");
    return Run.withInput(
        rendered.get(), java.util.Map.of(), "lint", "--format", "json", "--fail-on", "never", "-");
  }

  /** A compose project's two frontends (5.2.1), both loading ./site.json. */
  static String twoFrontends() {
    StringBuilder yaml = new StringBuilder("services:\n");
    for (String name : new String[] {"sourcegraph-frontend-0", "sourcegraph-frontend-internal"}) {
      yaml.append("  ")
          .append(name)
          .append(":\n    image: index.docker.io/sourcegraph/frontend:5.2.1\n")
          .append("    environment: [SITE_CONFIG_FILE=/etc/sourcegraph/site.json]\n")
          .append("    volumes: ['./site.json:/etc/sourcegraph/site.json:ro']\n");
    }
    return yaml.toString();
  }
}
