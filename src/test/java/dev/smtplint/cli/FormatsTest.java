package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every output format against golden files, and the checks each format's consumers make. */
class FormatsTest {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final Path GOLDEN = ROOT.resolve("src/test/resources/golden");

  /** Relative paths, as a user in the repository root types them (the tests run there). */
  private static final String[] FILES = {
    "testdata/bad/auth.jsonc", "testdata/bad/headers.jsonc", "testdata/good/no-email.json"
  };

  private static Run lint(String format) {
    List<String> args = new ArrayList<>(List.of("lint", "--format", format));
    args.addAll(List.of(FILES));
    return Run.of(args.toArray(String[]::new));
  }

  /** Output of a run, with what varies by checkout (the absolute working directory) made stable. */
  private static String stable(String output) {
    return output.replace(
        ROOT.toAbsolutePath().normalize().toUri().toString(), "file:///CHECKOUT/");
  }

  static List<String> formats() {
    return Run.FORMATS;
  }

  @ParameterizedTest
  @MethodSource("formats")
  void matchesItsGoldenFile(String format) throws Exception {
    Run run = lint(format);
    assertEquals(1, run.code(), run.err());
    Path golden = GOLDEN.resolve("three-files." + format);
    if (Boolean.getBoolean("smtplint.regenerate")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, stable(run.out()));
    }
    assertEquals(
        Files.readString(golden),
        stable(run.out()),
        "golden file "
            + golden.getFileName()
            + " differs; regenerate with -Dsmtplint.regenerate=true and review the diff");
  }

  /**
   * How to read "path:line:column:rule" back out of each format; a format without a reader fails
   * the test.
   */
  private static final Map<String, Function<String, List<String>>> READERS =
      Map.of(
          "json", FormatsTest::fromJson,
          "text", out -> matches(out, "(?m)^(\\S+):(\\d+):(\\d+): \\w+ \\[([a-z0-9-]+)\\]"),
          "github",
              out ->
                  matches(
                      out,
                      "::\\w+ file=([^,]+),line=(\\d+),col=(\\d+),endLine=\\d+,endColumn=\\d+,title=\\[([a-z0-9-]+)\\]"),
          // JUnit groups findings by rule within a file: the same findings, in another order.
          "junit",
              out ->
                  matches(out, "(?m)>?(testdata/\\S+):(\\d+):(\\d+): \\w+ \\[([a-z0-9-]+)\\]")
                      .stream()
                      .sorted()
                      .toList(),
          "sarif", FormatsTest::fromSarif);

  @Test
  void allFormatsCarryTheSameFindings() {
    assertEquals(
        new TreeSet<>(Run.FORMATS),
        new TreeSet<>(READERS.keySet()),
        "every format needs a reader here");
    List<String> expected = fromJson(lint("json").out());
    for (String format : Run.FORMATS) {
      List<String> read = READERS.get(format).apply(lint(format).out());
      assertEquals(
          format.equals("junit") ? expected.stream().sorted().toList() : expected, read, format);
    }
    assertEquals(8, expected.size(), expected.toString());
  }

  private static List<String> fromJson(String out) {
    List<String> found = new ArrayList<>();
    JsonMapper.builder()
        .build()
        .readTree(out)
        .get("files")
        .forEach(
            f ->
                f.get("findings")
                    .forEach(
                        x ->
                            found.add(
                                f.get("path").asString()
                                    + ":"
                                    + x.get("line").asInt()
                                    + ":"
                                    + x.get("column").asInt()
                                    + ":"
                                    + x.get("rule").asString())));
    return found;
  }

  private static List<String> fromSarif(String out) {
    List<String> found = new ArrayList<>();
    JsonNode run = JsonMapper.builder().build().readTree(out).get("runs").get(0);
    run.get("results")
        .forEach(
            r -> {
              JsonNode loc = r.get("locations").get(0).get("physicalLocation");
              found.add(
                  loc.get("artifactLocation").get("uri").asString()
                      + ":"
                      + loc.get("region").get("startLine").asInt()
                      + ":"
                      + loc.get("region").get("startColumn").asInt()
                      + ":"
                      + r.get("ruleId").asString());
            });
    return found;
  }

  private static List<String> matches(String text, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ":" + m.group(4));
    }
    return out;
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchemaAndIndexesAgree() throws Exception {
    String schemaText = Files.readString(ROOT.resolve("src/test/resources/sarif-2.1.0.json"));
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText);
    String output = lint("sarif").out();
    JsonNode sarif = JsonMapper.builder().build().readTree(output);
    assertEquals(List.of(), schema.validate(sarif).stream().map(Object::toString).toList());
    JsonNode run = sarif.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    for (JsonNode result : run.get("results")) {
      assertEquals(
          result.get("ruleId").asString(),
          rules.get(result.get("ruleIndex").asInt()).get("id").asString());
      JsonNode artifact =
          result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
      assertEquals("%SRCROOT%", artifact.get("uriBaseId").asString());
      assertEquals(
          artifact.get("uri").asString(),
          run.get("artifacts")
              .get(artifact.get("index").asInt())
              .get("location")
              .get("uri")
              .asString());
    }
    assertEquals(3, run.get("artifacts").size(), "one artifact per file");
    for (JsonNode rule : rules) {
      assertTrue(
          rule.get("helpUri").asString().endsWith("docs/rules.md#" + rule.get("id").asString()));
    }
  }

  @Test
  void githubCommandsAreEscaped() {
    // Control characters from the input are made visible first (a line break in a value cannot
    // start a
    // new workflow command, nor ESC colour the log); then the runner's escaping of '%'.
    assertEquals(
        "100%25 done\\u000anext\\u000dline\\u001b[31m\\u009b",
        dev.smtplint.report.format.GithubFormatAccess.data(
            "100% done\nnext\rline\u001b[31m\u009b"));
    assertEquals("a%3Ab%2Cc", dev.smtplint.report.format.GithubFormatAccess.property("a:b,c"));
  }

  @Test
  void junitIsWellFormedXmlWithAFailurePerErrorFinding() throws Exception {
    String xml = lint("junit").out();
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(xml)));
    assertEquals(3, doc.getElementsByTagName("testsuite").getLength());
    long errors =
        JsonMapper.builder()
            .build()
            .readTree(lint("json").out())
            .get("summary")
            .get("error")
            .asLong();
    assertEquals(errors, doc.getElementsByTagName("failure").getLength());
    Run never = Run.of("lint", "--format", "junit", "--fail-on", "never", FILES[0]);
    assertTrue(!never.out().contains("<failure"), never.out());
    assertTrue(
        new String(xml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
            .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  }
}
