package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The linter's reading of a site config (containers outside email.* parsed, not built) tells it
 * everything the full reading does: the same syntax error at the same place, the same top-level
 * keys where they stand, the same email.* values, the same repeated email.* keys, the same secret
 * spans.
 */
class SiteConfigReadingTest {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));

  @Test
  void theLintersReadingAgreesWithTheFullOneOnTestdataAndMutations() throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(ROOT.resolve("testdata"))) {
      for (Path p :
          walk.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonc"))
              .sorted()
              .toList()) {
        texts.add(SourceLoader.load(p, p.toString()).text());
      }
    }
    texts.add(
        """
            {"auth.providers": [{"type": "builtin", "x": {"y": [1, 2, {}]}}], "EMAIL.smtp": {"host": "h"}, "Email.address": "a@b.io", "search": {"a": 1, "a": 2}, "email.smtp": {"port": 1, "port": 2}}""");
    texts.add(
        "{\"code\": {\"deep\": "
            + "[".repeat(300)
            + "]".repeat(300)
            + "}}"); // too deep, though never built
    texts.add(
        """
        {"code": {"broken": [1, 2,, 3]}, "email.address": "a@b.io"}""");
    texts.add(
        """
        {"x": {"sensitive": true, "value": "hidden"}, "email.smtp": {}}""");
    int seeds = texts.size();
    Random random = new Random(11);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder t = new StringBuilder(texts.get(random.nextInt(seeds)));
      for (int edits = 1 + random.nextInt(3); edits > 0 && t.length() > 0; edits--) {
        int at = random.nextInt(t.length());
        switch (random.nextInt(3)) {
          case 0 -> t.deleteCharAt(at);
          case 1 -> t.insert(at, "{}[]\",:/*e".charAt(random.nextInt(10)));
          default -> t.setCharAt(at, "{}[]\",:ax".charAt(random.nextInt(9)));
        }
      }
      texts.add(t.toString());
    }
    int skipped = 0;
    for (String text : texts) {
      SourceFile source = SourceFile.of("t.json", text);
      ParsedConfig full = JsoncReader.read(source);
      ParsedConfig lint = JsoncReader.readSiteConfig(source);
      assertEquals(full.error(), lint.error(), text);
      assertEquals(full.root().isPresent(), lint.root().isPresent(), text);
      assertEquals(emailDuplicates(full), emailDuplicates(lint), text);
      assertEquals(SecretSpans.of(source, full.root()), SecretSpans.of(source, lint.root()), text);
      if (full.root().orElse(null) instanceof JsonValue.Obj a
          && lint.root().get() instanceof JsonValue.Obj b) {
        assertEquals(a.members().size(), b.members().size(), text);
        for (int m = 0; m < a.members().size(); m++) {
          JsonValue.Member x = a.members().get(m);
          JsonValue.Member y = b.members().get(m);
          assertEquals(
              List.of(
                  x.key(),
                  x.keyPosition(),
                  x.keyEnd(),
                  x.value().position(),
                  x.value().end(),
                  x.value().span(),
                  x.value().pointer(),
                  x.value().typeName()),
              List.of(
                  y.key(),
                  y.keyPosition(),
                  y.keyEnd(),
                  y.value().position(),
                  y.value().end(),
                  y.value().span(),
                  y.value().pointer(),
                  y.value().typeName()),
              text);
          if (x.key().toLowerCase(Locale.ROOT).startsWith("email.")
              || !(x.value() instanceof JsonValue.Obj || x.value() instanceof JsonValue.Arr)) {
            assertEquals(x, y, text);
          } else {
            skipped += x.equals(y) ? 0 : 1;
          }
        }
      } else {
        assertEquals(full.root(), lint.root(), text);
      }
    }
    assertTrue(skipped > 100, "containers outside email.* that were not built: " + skipped);
  }

  private static List<DuplicateKey> emailDuplicates(ParsedConfig parsed) {
    List<DuplicateKey> out = new ArrayList<>();
    for (DuplicateKey d : parsed.duplicates()) {
      if (d.pointer().startsWith("/email.")) {
        out.add(d);
      }
    }
    return out;
  }
}
