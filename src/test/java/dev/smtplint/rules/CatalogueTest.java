package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.Testdata;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.report.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  @Test
  void idsAreUniqueKebabCaseAndEveryRuleIsExplained() {
    Set<String> seen = new HashSet<>();
    for (RuleInfo r : Catalogue.infos()) {
      assertTrue(seen.add(r.id()), "duplicate id " + r.id());
      assertTrue(r.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), r.id());
      assertFalse(r.summary().isBlank(), r.id());
      RuleInfo.Explanation e = r.explanation();
      for (String part : List.of(e.why(), e.bad(), e.good(), e.fix(), e.source())) {
        assertFalse(part.isBlank(), r.id() + " lacks part of its explanation");
      }
      assertTrue(r.summary().endsWith("."), r.id() + ": summaries are sentences");
    }
  }

  @Test
  void theCatalogueHoldsEverySpecRule() throws IOException {
    var specFile = Testdata.root().resolve("../../shared/SPEC.md");
    // A clone without shared/ beside it skips this; CI always has it, so there a missing SPEC fails.
    boolean ci = "true".equals(System.getenv("CI"));
    assertTrue(Files.exists(specFile) || !ci, "CI=true but ../shared/SPEC.md is missing: the catalogue cannot be checked");
    Assumptions.assumeTrue(Files.exists(specFile), "shared/SPEC.md is not beside this checkout");
    String spec = Files.readString(specFile);
    Set<String> specIds = new TreeSet<>();
    var m = Pattern.compile("`((?:probe-)?[a-z0-9]+(?:-[a-z0-9]+)+)` \\[").matcher(spec);
    while (m.find()) {
      specIds.add(m.group(1));
    }
    var m2 = Pattern.compile("`(probe-[a-z-]+)`").matcher(spec);
    while (m2.find()) {
      specIds.add(m2.group(1));
    }
    Set<String> ours = new TreeSet<>(Catalogue.infos().stream().map(RuleInfo::id).toList());
    assertTrue(specIds.size() >= 45, "parsed " + specIds);
    assertEquals(specIds, ours);
  }

  @Test
  void everyStaticRuleFiresSomewhereInTestdata() throws Exception {
    Set<String> expected = new HashSet<>();
    for (var path : Testdata.files()) {
      Testdata.expectations(SourceLoader.load(path, path.toString()).lines()).forEach(e -> expected.add(e.rule()));
    }
    long staticRules = Catalogue.infos().stream().filter(r -> !r.id().startsWith("probe-")).count();
    assertTrue(staticRules >= 30, "static rules: " + staticRules);
    for (RuleInfo r : Catalogue.infos()) {
      if (!r.id().startsWith("probe-")) {
        assertTrue(expected.contains(r.id()), r.id() + " has no testdata that fires it");
      }
    }
  }
}
