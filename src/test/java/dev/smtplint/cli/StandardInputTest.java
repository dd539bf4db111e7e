package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard input is the file {@code --stdin-filename} names, or, unnamed, a text no one committed
 * (SPEC §2, §7): rendered manifests piped in are not "headed for version control" unless their
 * renderer says they were written in a file that is.
 */
class StandardInputTest {
  @TempDir Path dir;

  private static final String CONFIG =
      """
      {"email.address": "sourcegraph@example.com",
       "email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "PLAIN",
                      "username": "sg", "password": "kq7-Zb2-acme-smtp"}}
      """;

  private static final String CONFIG_MAP =
      """
      # rendered by hand
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: frontend-config-files
        %s
      data:
        site.json: |
          {"email.address": "sourcegraph@acme.io",
           "email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "PLAIN",
                          "username": "sg", "password": "kq7-Zb2-acme-smtp"}}
      """;

  @Test
  void unnamedStandardInputIsNotHeadedForVersionControl() {
    Run run = Run.withInput(CONFIG, Map.of(), "lint", "--format", "json", "-");
    assertFalse(run.out().contains("password-in-file"), run.all());
    assertFalse(run.all().contains("kq7-Zb2"), run.all());
  }

  @Test
  void theNamedFileIsShownGovernedAndAskedOfGit() throws Exception {
    GitRepo.init(dir);
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve(".smtplint.json"), "{\"disable\": [\"example-domain\"]}");
    Files.writeString(dir.resolve(".gitignore"), "secrets.json\n");
    String site = dir.resolve("config/site.json").toString();
    Run tracked =
        Run.withInput(CONFIG, Map.of(), "lint", "--format", "json", "--stdin-filename", site, "-");
    assertTrue(tracked.out().contains("\"path\":\"" + site + "\""), tracked.all());
    assertTrue(tracked.out().contains("password-in-file"), tracked.all());
    assertFalse(tracked.out().contains("example-domain"), "the settings beside it apply");

    String ignored = dir.resolve("config/secrets.json").toString();
    Run secret =
        Run.withInput(
            CONFIG, Map.of(), "lint", "--format", "json", "--stdin-filename", ignored, "-");
    assertFalse(secret.out().contains("password-in-file"), secret.all());
    assertFalse(Files.exists(dir.resolve("config/secrets.json")), "the named file is never made");
  }

  @Test
  void theNameAloneSaysYamlAndFixesGoToStandardOutput() throws Exception {
    String yaml = dir.resolve("cm.yaml").toString();
    Run run =
        Run.withInput(
            CONFIG_MAP.formatted(""),
            Map.of(),
            "lint",
            "--format",
            "json",
            "--stdin-filename",
            yaml,
            "-");
    assertTrue(run.out().contains("ConfigMap/frontend-config-files"), run.all());
    Run fixed =
        Run.withInput(
            CONFIG.replace("\"PLAIN\"", "\"plain\""),
            Map.of(),
            "lint",
            "--fix",
            "--stdin-filename",
            dir.resolve("site.json").toString(),
            "-");
    assertTrue(fixed.out().contains("\"PLAIN\""), fixed.all());
    assertFalse(Files.exists(dir.resolve("site.json")), "the named file is never written");
  }

  @Test
  void theNameGoesWithStandardInputAndIsAPath() {
    Run alone = Run.of("lint", "--stdin-filename", "site.json", "site.json");
    assertEquals(2, alone.code(), alone.all());
    assertTrue(alone.err().contains("--stdin-filename"), alone.all());
    Run bad = Run.of("lint", "--stdin-filename", "a\0b", "-");
    assertEquals(2, bad.code(), bad.all());
  }

  /**
   * A ConfigMap piped in: secret-in-configmap says it once; where kustomize's origin names a file
   * git tracks, password-in-file says it instead; a generator's output, a path out of the tree, or
   * no origin at all count as nobody's file.
   */
  @Test
  void aRenderersOriginDecidesWhetherPipedManifestsAreCommitted() {
    String tracked = "testdata/deploy/kubernetes-unmounted/frontend.yaml"; // in this repository
    Run none = Run.withInput(CONFIG_MAP.formatted(""), Map.of(), "lint", "--format", "json", "-");
    assertTrue(none.out().contains("secret-in-configmap"), none.all());
    assertFalse(none.out().contains("password-in-file"), none.all());

    Run committed =
        Run.withInput(
            CONFIG_MAP.formatted(origin("path: " + tracked)),
            Map.of(),
            "lint",
            "--format",
            "json",
            "-");
    assertTrue(committed.out().contains("password-in-file"), committed.all());
    assertFalse(committed.out().contains("secret-in-configmap"), "one finding: " + committed.out());

    for (String elsewhere :
        new String[] {
          "configuredIn: " + tracked + "\\n    configuredBy: {kind: ConfigMapGenerator}",
          "path: ../../" + tracked,
          "path: /etc/passwd"
        }) {
      Run run =
          Run.withInput(
              CONFIG_MAP.formatted(origin(elsewhere)), Map.of(), "lint", "--format", "json", "-");
      assertFalse(run.out().contains("password-in-file"), elsewhere + ": " + run.all());
    }
  }

  /**
   * A generator's value that is its local file's bytes is judged as that file (#40 item 1), found
   * through the kustomization kustomize's origin names, relative to the file --stdin-filename names
   * or the working directory, and read only below the working directory. A value that differs, or a
   * kustomization outside, leaves the finding in the rendered output.
   */
  @Test
  void aGeneratorsValueIsJudgedInItsOwnFile() throws Exception {
    String overlay = "testdata/deploy/kustomize-component/overlays/prod";
    String site = Files.readString(Path.of(overlay, "site.json"));
    Run own = Run.withInput(generated(site, "kustomization.yaml"), Map.of(), named(overlay));
    assertTrue(own.out().startsWith(overlay + "/site.json:7:23: error [auth-unknown]"), own.all());

    Run differs =
        Run.withInput(
            generated(site.replace("587", "2525"), "kustomization.yaml"), Map.of(), named(overlay));
    assertTrue(differs.out().startsWith(overlay + "/kustomization.yaml:"), differs.all());

    for (String outside :
        new String[] {
          "../../../../../../../../etc/kustomization.yaml", "/etc/kustomization.yaml"
        }) {
      Run run = Run.withInput(generated(site, outside), Map.of(), named(overlay));
      assertTrue(
          run.out().startsWith(overlay + "/kustomization.yaml:"), outside + ": " + run.all());
    }
    // unnamed input: the origin is taken from the working directory, where no such kustomization is
    Run unnamed = Run.withInput(generated(site, "kustomization.yaml"), Map.of(), "lint", "-");
    assertTrue(unnamed.out().startsWith("-:"), unnamed.all());
  }

  /**
   * Hundreds of generator values naming one large kustomization: it is parsed once, not once a
   * value (200 values and an 800 KB kustomization took 55 s; now about 1.5 s).
   */
  @Test
  void oneKustomizationManyValuesNameIsReadOnce() throws Exception {
    // below the working directory, where origins are followed
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "generators");
    try {
      StringBuilder generators = new StringBuilder("configMapGenerator:\n");
      for (int i = 0; i < 20_000; i++) {
        generators
            .append("  - name: g")
            .append(i)
            .append("\n    files: [f")
            .append(i)
            .append(".json]\n");
      }
      generators.append("  - name: frontend-config-files\n    files: [site.json]\n");
      Files.writeString(dir.resolve("kustomization.yaml"), generators.toString());
      String site =
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \"smtp.acme.io\","
              + " \"port\": 465, \"authentication\": \"none\"}}\n";
      Files.writeString(dir.resolve("site.json"), site);
      StringBuilder stream = new StringBuilder();
      int n = 200;
      for (int i = 0; i < n; i++) {
        stream.append(i == 0 ? "" : "---\n").append(generated(site, "kustomization.yaml"));
      }
      String stdinName =
          Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath()) + "/kustomization.yaml";
      long start = System.nanoTime();
      Run run =
          Run.withInput(
              stream.toString(),
              Map.of(),
              "lint",
              "--format",
              "json",
              "--stdin-filename",
              stdinName,
              "-");
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertTrue(run.out().contains("site.json"), "judged as the generator's file: " + run.all());
      // parsed once a value, 200 of them took 55 s; parsed once, about 1.5 s on a quiet machine:
      // 20 s is a bound a shared CI machine keeps and the old reading breaks
      assertTrue(seconds < 20, n + " values took " + seconds + " s");
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static String[] named(String overlay) {
    return new String[] {"lint", "--stdin-filename", overlay + "/kustomization.yaml", "-"};
  }

  /** kubectl kustomize's output for a configMapGenerator of site.json, with origin annotations. */
  private static String generated(String site, String configuredIn) {
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frontend-config-files-gg2gg5d69t\n"
                + "  annotations:\n    config.kubernetes.io/origin: |\n      configuredIn: "
                + configuredIn
                + "\n      configuredBy:\n        apiVersion: builtin\n        kind: ConfigMapGenerator\n"
                + "data:\n  site.json: |"
                + (site.endsWith("\n") ? "" : "-")
                + "\n");
    for (String line : site.split("\n", -1)) {
      if (!line.isEmpty()) {
        yaml.append("    ").append(line);
      }
      yaml.append("\n");
    }
    return yaml.toString().stripTrailing() + "\n";
  }

  private static String origin(String text) {
    return "annotations:\n    config.kubernetes.io/origin: \"" + text + "\"";
  }
}
