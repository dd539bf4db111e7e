package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.Testdata;
import dev.smtplint.report.Explanations;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.rules.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandsTest {
  @Test
  void rulesListsEveryRuleInTextAndJson() {
    Run text = Run.of("rules");
    assertEquals(0, text.code());
    for (RuleInfo r : Catalogue.infos()) {
      assertTrue(text.out().contains("  " + r.id() + " "), r.id());
    }
    Run json = Run.of("rules", "--format", "json");
    assertTrue(
        json.out()
            .startsWith(
                """
                    [{"id":"invalid-json","severity":"error","group":"Syntax and schema","summary":"""),
        json.out());
    assertEquals(Catalogue.infos().size(), json.out().split("\\{\"id\"").length - 1);
  }

  @Test
  void explainPrintsWhyExamplesFixAndSource() {
    Run run = Run.of("explain", "implicit-tls-port");
    assertEquals(0, run.code());
    assertTrue(
        run.out().startsWith("implicit-tls-port (error, Sourcegraph would fail to send)\n"),
        run.out());
    for (String heading :
        new String[] {"\nWhy\n", "\nBad\n", "\nGood\n", "\nFix\n", "\nSource\n"}) {
      assertTrue(run.out().contains(heading), heading);
    }
    Run typo = Run.of("explain", "implicit-tls-prot");
    assertEquals(2, typo.code());
    assertEquals(
        "smtplint: no rule \"implicit-tls-prot\"; did you mean \"implicit-tls-port\"?\n",
        typo.err());
  }

  @Test
  void schemaPrintsTheShippedSchema() throws Exception {
    Run run = Run.of("schema");
    assertEquals(0, run.code());
    Path source = Testdata.root().resolve("../schema/email-settings.schema.json");
    assertEquals(Files.readString(source), run.out(), "the jar's copy is the file in schema/");
  }

  @Test
  void versionAndHelp() {
    assertTrue(Run.of("--version").out().startsWith("smtplint "));
    Run help = Run.of("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("lint") && help.out().contains("explain"));
  }

  /**
   * docs/rules.md is generated from the catalogue; run with -Dsmtplint.regenerate=true to rewrite
   * it.
   */
  @Test
  void rulesDocumentIsGeneratedFromTheCatalogue() throws Exception {
    StringBuilder doc =
        new StringBuilder(
            "# smtplint rules\n\n"
                + "Generated from the rule catalogue (`smtplint explain RULE` prints the same text); do not edit by hand.\n"
                + "Regenerate with `mvn test -Dtest=CommandsTest -Dsmtplint.regenerate=true`.\n\n");
    String group = "";
    for (RuleInfo r : Catalogue.infos()) {
      if (!r.group().label().equals(group)) {
        group = r.group().label();
        doc.append("- **").append(group).append("**\n");
      }
      doc.append("  - [`")
          .append(r.id())
          .append("`](#")
          .append(r.id())
          .append(") (")
          .append(r.severity().label())
          .append(") ")
          .append(r.summary())
          .append('\n');
    }
    for (RuleInfo r : Catalogue.infos()) {
      doc.append('\n').append(Explanations.markdown(r));
    }
    Path file = Testdata.root().resolve("../docs/rules.md");
    if (Boolean.getBoolean("smtplint.regenerate")) {
      Files.writeString(file, doc);
    }
    assertEquals(doc.toString(), Files.readString(file), "docs/rules.md is stale: regenerate it");
  }

  /** README's rule list is generated from the catalogue too, between its two markers. */
  @Test
  void readmeListsEveryRule() throws Exception {
    StringBuilder list = new StringBuilder();
    String group = "";
    for (RuleInfo r : Catalogue.infos()) {
      if (!r.group().label().equals(group)) {
        group = r.group().label();
        list.append(list.length() == 0 ? "" : "\n").append("**").append(group).append("**\n\n");
      }
      list.append("- `")
          .append(r.id())
          .append("` (")
          .append(r.severity().label())
          .append(") ")
          .append(r.summary())
          .append('\n');
    }
    Path file = Testdata.root().resolve("../README.md");
    String readme = Files.readString(file);
    String begin =
        "<!-- rules:begin (generated from the catalogue by CommandsTest; do not edit) -->\n";
    String end = "<!-- rules:end -->";
    int from = readme.indexOf(begin) + begin.length();
    int to = readme.indexOf(end);
    assertTrue(from >= begin.length() && to >= from, "README lacks the rules markers");
    String expected = readme.substring(0, from) + list + readme.substring(to);
    if (Boolean.getBoolean("smtplint.regenerate")) {
      Files.writeString(file, expected);
    }
    assertEquals(expected, readme, "README's rule list is stale: regenerate it");
  }
}
