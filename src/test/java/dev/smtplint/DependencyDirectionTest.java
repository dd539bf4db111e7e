package dev.smtplint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli → run → deploy → fix → check → rules, schema → report → config;
 * probe → report, config.
 */
class DependencyDirectionTest {
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("config", Set.of()),
          Map.entry("report", Set.of("config")),
          Map.entry("report.format", Set.of("report", "config")),
          Map.entry("schema", Set.of("config")),
          Map.entry("gotemplate", Set.of()),
          Map.entry("rules", Set.of("config", "report", "gotemplate")),
          Map.entry("probe", Set.of("config", "report")),
          Map.entry("instance", Set.of()),
          Map.entry("manifest", Set.of("config")),
          Map.entry("check", Set.of("config", "report", "rules", "schema", "gotemplate")),
          Map.entry("fix", Set.of("config", "report", "check", "manifest")),
          Map.entry("deploy", Set.of("config", "report", "rules", "check", "manifest", "fix")),
          Map.entry(
              "run",
              Set.of(
                  "config",
                  "report",
                  "rules",
                  "schema",
                  "check",
                  "manifest",
                  "fix",
                  "deploy",
                  "probe",
                  "instance",
                  "gotemplate")),
          Map.entry(
              "cli",
              Set.of(
                  "config",
                  "report",
                  "report.format",
                  "rules",
                  "schema",
                  "check",
                  "probe",
                  "instance",
                  "manifest",
                  "fix",
                  "deploy",
                  "run",
                  "gotemplate")));

  private static final Pattern REFERENCE =
      Pattern.compile("dev\\.smtplint\\.([a-z]+(?:\\.format)?)\\.");

  @Test
  void noPackageReachesBack() throws IOException {
    Path main =
        Path.of(System.getProperty("smtplint.root", ".")).resolve("src/main/java/dev/smtplint");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = main.relativize(file.getParent()).toString().replace('/', '.');
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          String target = m.group(1);
          if (!target.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(target)) {
            violations.add(file.getFileName() + " (" + pkg + ") uses " + target);
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
