package dev.smtplint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's home is written once, in pom.xml's {@code <url>}; the program reads it from the
 * build, and every link to the project in the schema, the docs, the README, the hooks and the
 * action is derived from it (checked here, so a move of the home fails this test until every link
 * follows).
 */
class ProjectHomeTest {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'`)<>]+");

  private static String pomHome() throws IOException {
    Matcher m =
        Pattern.compile("<url>([^<]+)</url>").matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertTrue(m.find(), "pom.xml has a <url>");
    return m.group(1);
  }

  @Test
  void theProgramReadsThePomsHome() throws IOException {
    assertEquals(pomHome(), ProjectHome.url());
  }

  @Test
  void everyLinkToTheProjectIsDerivedFromTheHome() throws IOException {
    String home = pomHome();
    String ownerRepo = home.replaceFirst("^https://github\\.com/", "");
    assertTrue(
        Files.readString(ROOT.resolve("schema/email-settings.schema.json"))
            .contains("\"$id\": \"" + home + "/raw/main/schema/email-settings.schema.json\""),
        "the schema's $id");
    List<Path> files =
        new ArrayList<>(
            List.of(
                ROOT.resolve("README.md"),
                ROOT.resolve("ARCHITECTURE.md"),
                ROOT.resolve(".pre-commit-hooks.yaml"),
                ROOT.resolve("action.yml"),
                ROOT.resolve("schema/email-settings.schema.json")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.forEach(files::add);
    }
    List<String> strays = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher m = URL.matcher(text);
      while (m.find()) {
        String url = m.group();
        if (url.contains("smtplint") && !url.startsWith(home)) {
          strays.add(file.getFileName() + ": " + url);
        }
      }
      // A workflow names the action by owner/repo, not by URL.
      Matcher uses = Pattern.compile("uses: ([\\w.-]+/smtplint)@").matcher(text);
      while (uses.find()) {
        if (!uses.group(1).equals(ownerRepo)) {
          strays.add(file.getFileName() + ": uses " + uses.group(1));
        }
      }
    }
    assertEquals(
        List.of(), strays, "links to the project that do not start with pom.xml's <url> " + home);
  }
}
