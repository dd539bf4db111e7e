package dev.smtplint;

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

/** docs/security.md names the test that performs each attack: every one it names exists. */
class SecurityDocTest {
  @Test
  void everyTestTheThreatModelNamesExists() throws IOException {
    Path root = Testdata.root().resolve("..");
    String doc = Files.readString(root.resolve("docs/security.md"));
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("src/test/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.add(f.getFileName().toString().replace(".java", "") + "\n" + Files.readString(f));
      }
    }
    Matcher named =
        Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))\\.([a-z][A-Za-z0-9]*)`").matcher(doc);
    int count = 0;
    while (named.find()) {
      String cls = named.group(1);
      String method = named.group(2);
      boolean found =
          sources.stream()
              .anyMatch(s -> s.startsWith(cls + "\n") && s.contains(" void " + method + "("));
      assertTrue(found, "docs/security.md names " + cls + "." + method + ", which does not exist");
      count++;
    }
    assertTrue(count >= 40, "the threat model names its tests: " + count);
  }
}
