package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.Testdata;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.report.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    // A clone without shared/ beside it skips this; CI always has it, so there a missing SPEC
    // fails.
    boolean ci = "true".equals(System.getenv("CI"));
    assertTrue(
        Files.exists(specFile) || !ci,
        "CI=true but ../shared/SPEC.md is missing: the catalogue cannot be checked");
    Assumptions.assumeTrue(Files.exists(specFile), "shared/SPEC.md is not beside this checkout");
    String spec = Files.readString(specFile);
    // Required rules are written "`id` [severity]"; the probe's list shares one severity, given
    // after its
    // last id; Planned rules are written "`id` (severity)": the catalogue may hold them, need not.
    Map<String, String> required = new TreeMap<>();
    var m =
        Pattern.compile("`((?:probe-)?[a-z0-9]+(?:-[a-z0-9]+)+)` \\[(error|warning|info)\\]")
            .matcher(spec);
    while (m.find()) {
      required.put(m.group(1), m.group(2));
    }
    var probeList =
        Pattern.compile("((?:`probe-[a-z-]+`\\s*·?\\s*)+)\\[(error|warning|info)\\]").matcher(spec);
    while (probeList.find()) {
      var ids = Pattern.compile("`(probe-[a-z-]+)`").matcher(probeList.group(1));
      while (ids.find()) {
        required.put(ids.group(1), probeList.group(2));
      }
    }
    Map<String, String> planned = new TreeMap<>();
    var p =
        Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)+)` \\((error|warning|info)\\)").matcher(spec);
    while (p.find()) {
      planned.put(p.group(1), p.group(2));
    }
    Map<String, String> ours = new TreeMap<>();
    for (RuleInfo r : Catalogue.infos()) {
      ours.put(r.id(), r.severity().name().toLowerCase(Locale.ROOT));
    }
    assertTrue(required.size() >= 58, "parsed " + required);
    for (var rule : required.entrySet()) {
      assertEquals(
          rule.getValue(),
          ours.get(rule.getKey()),
          rule.getKey() + ": SPEC §7's severity, or missing from the catalogue");
    }
    for (var rule : ours.entrySet()) {
      String wanted =
          required.containsKey(rule.getKey())
              ? required.get(rule.getKey())
              : planned.get(rule.getKey());
      assertEquals(
          wanted, rule.getValue(), rule.getKey() + ": not in SPEC §7 (or not with this severity)");
    }
  }

  /**
   * A rule owns its words (STYLE 13): no rule id is written as a string outside its own rule class
   * (and, for the probe's, ProbeCheck). ErrorTexts maps Sourcegraph's own error texts for a config
   * it refuses to send with to the static rules that explain them (auth-missing, auth-unknown,
   * smtp-without-from, from-without-smtp): the probe package may not depend on rules, so those are
   * named there.
   */
  @Test
  void noRuleIdIsWrittenOutsideItsRule() throws IOException {
    Path main = Testdata.root().resolve("../src/main/java/dev/smtplint");
    List<String> offenders = new java.util.ArrayList<>();
    try (var files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = main.relativize(f).toString();
        if (rel.startsWith("rules/") || rel.equals("report/ProbeCheck.java")) {
          continue;
        }
        String text = Files.readString(f);
        for (RuleInfo r : Catalogue.infos()) {
          boolean allowed =
              rel.equals("probe/ErrorTexts.java")
                  && List.of(
                          "auth-missing", "auth-unknown", "smtp-without-from", "from-without-smtp")
                      .contains(r.id());
          if (text.contains("\"" + r.id() + "\"") && !allowed) {
            offenders.add(rel + ": " + r.id());
          }
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void everyStaticRuleFiresSomewhereInTestdata() throws Exception {
    Set<String> expected = new HashSet<>();
    List<java.nio.file.Path> all = new java.util.ArrayList<>(Testdata.files());
    for (var dir : Testdata.deployments()) {
      try (var files = java.nio.file.Files.walk(dir)) {
        all.addAll(files.filter(java.nio.file.Files::isRegularFile).toList());
      }
    }
    for (var path : all) {
      Testdata.expectations(SourceLoader.load(path, path.toString()).lines())
          .forEach(e -> expected.add(e.rule()));
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
