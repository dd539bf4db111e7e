package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint path links no lambda or method reference of smtplint's. On Java 17 each one costs about
 * 130 µs on every cold start even when the start-up archive holds its class (300 lambdas: 37-42 ms;
 * the same code as anonymous classes: 5-7 ms), and a commit hook starts cold every time: 220 of
 * them were a quarter of a single-file run. Loops, ifs and, where an interface is needed, a class.
 * Measured, not guessed: each run below logs the classes its JVM loads, and no {@code $$Lambda}
 * class of ours may be among them.
 */
class LambdaFreeTest {
  private static final Path ROOT =
      Path.of(System.getProperty("smtplint.root", ".")).toAbsolutePath();
  @TempDir Path dir;

  @Test
  void lintingGoodAndBadFilesInEveryFormatLinksNoLambdaOfOurs() throws Exception {
    String good = ROOT.resolve("testdata/good").toString();
    String bad = ROOT.resolve("testdata/bad").toString();
    List<List<String>> runs =
        List.of(
            List.of("lint", good),
            List.of("lint", bad),
            List.of("lint", "--format", "json", good, bad),
            List.of("lint", "--format", "sarif", "-o", dir.resolve("report.sarif").toString(), bad),
            List.of("lint", "--format", "github", "--fail-on", "warning", bad),
            List.of(
                "lint", "--format", "junit", ROOT.resolve("testdata/bad/schema.jsonc").toString()));
    List<String> linked = new ArrayList<>();
    for (List<String> args : runs) {
      Path log = dir.resolve("classes.log");
      Run run =
          Forked.run(
              ROOT,
              Map.of(),
              List.of("-Xlog:class+load=info:file=" + log),
              args.toArray(String[]::new));
      assertTrue(run.code() <= 1, args + ": " + run.all());
      assertTrue(
          Files.readString(log).contains("dev.smtplint.rules.Catalogue"),
          "the log lists our classes");
      for (String line : Files.readAllLines(log)) {
        if (line.contains(" dev.smtplint.") && line.contains("$$Lambda")) {
          linked.add(
              String.join(" ", args.subList(0, Math.min(3, args.size())))
                  + ": "
                  + line.replaceAll(".*\\] ", ""));
        }
      }
      Files.delete(log);
    }
    assertEquals(List.of(), linked, "lambdas linked on the lint path");
  }

  /**
   * A commit hook's usual run, one config named, links no lambda of anyone's: not ours, and not the
   * JDK's either, which java.util.regex's character classes are (the first pattern compiled cost
   * about 6 ms of every cold start: rules.Matchers, rules.HostNames).
   */
  @Test
  void lintingOneConfigLinksNoLambdaAtAllAndCompilesNoPattern() throws Exception {
    Files.writeString(
        dir.resolve("ses.json"),
        """
        {"email.address": "sg@acme.io", "email.smtp": {"host": "email-smtp.us-east-1.amazonaws.com",
          "port": 587, "authentication": "PLAIN", "username": "AKIAIOSFODNN7EXAMPLE",
          "password": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "domain": "[192.0.2.1]"}}""");
    Files.writeString(
        dir.resolve("plain.json"),
        """
        {"email.address": "<YOUR EMAIL>", "email.smtp": {"host": "smtp.acme.io:587", "port": 587,
          "authentication": "none", "additionalHeaders": [{"key": "X:Y", "value": "v"}]}}""");
    for (String file : List.of("ses.json", "plain.json")) {
      Path log = dir.resolve("classes.log");
      Run run =
          Forked.run(dir, Map.of(), List.of("-Xlog:class+load=info:file=" + log), "lint", file);
      assertTrue(run.code() <= 1, file + ": " + run.all());
      assertTrue(run.all().contains("in 1 file"), run.all());
      List<String> linked = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        if (line.contains("$$Lambda") || line.contains(" java.util.regex.Pattern ")) {
          linked.add(line.replaceAll(".*\\] ", ""));
        }
      }
      assertEquals(List.of(), linked, file + ": lambdas linked or a pattern compiled");
      Files.delete(log);
    }
  }

  /** README's split config: the settings' siteConfig list, and the same list as --merge. */
  @Test
  void lintingASplitConfigLinksNoLambdaOfOurs() throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        dir.resolve(".smtplint.json"),
        """
            {"siteConfig": ["config/site.json", "config/secrets.json"]}""");
    Files.writeString(
        dir.resolve("config/site.json"),
        """
        {"email.address": "sg@acme.io"}""");
    Files.writeString(
        dir.resolve("config/secrets.json"),
        """
            {"email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "none"}}""");
    List<String> linked = new ArrayList<>();
    for (List<String> args :
        List.of(
            List.of("lint", "config/site.json"),
            List.of("lint", "--isolated", "--merge", "config/site.json:config/secrets.json"))) {
      Path log = dir.resolve("classes.log");
      Run run =
          Forked.run(
              dir,
              Map.of(),
              List.of("-Xlog:class+load=info:file=" + log),
              args.toArray(String[]::new));
      assertEquals(0, run.code(), args + ": " + run.all());
      assertTrue(run.all().contains("in 2 files"), args + " reads both files: " + run.all());
      for (String line : Files.readAllLines(log)) {
        if (line.contains(" dev.smtplint.") && line.contains("$$Lambda")) {
          linked.add(args + ": " + line.replaceAll(".*\\] ", ""));
        }
      }
      Files.delete(log);
    }
    assertEquals(List.of(), linked, "lambdas linked on the split-config path");
  }
}
