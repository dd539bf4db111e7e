package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SiteConfigsTest {
  /** The pre-commit hook's files pattern: the hand-written test names the same files. */
  private static final Pattern HOOK =
      Pattern.compile("(^|/)([^/]*[-_.])?site([-_.]?config)?([-_.][^/]*)?\\.jsonc?$");

  @Test
  void theNameTestIsTheHooksPattern() {
    String[] pieces = {
      "site", "config", "-", "_", ".", "prod", "json", "jsonc", "web", "s", "ite", "/", "x", "c"
    };
    Random random = new Random(9);
    int named = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(6); n > 0; n--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      b.append(random.nextBoolean() ? ".json" : ".jsonc");
      String path = b.toString();
      boolean expected = HOOK.matcher(path).find();
      assertEquals(expected, SiteConfigs.namedLikeOne(path), path);
      named += expected ? 1 : 0;
    }
    assertTrue(named > 2_000, "named like a site config: " + named);
  }

  @Test
  void otherJsonOfARepositoryIsNotASiteConfig() {
    assertFalse(
        SiteConfigs.looksLikeOne(
            "package.json", "{\"name\": \"x\", \"author\": {\"email\": \"a@b.c\"}}"));
    assertFalse(SiteConfigs.looksLikeOne("renovate.json", "{\"extends\": [\"config:base\"]}"));
    assertTrue(SiteConfigs.looksLikeOne("cfg/prod.json", "{\"externalURL\": \"https://sg\"}"));
    assertTrue(SiteConfigs.looksLikeOne("a.jsonc", "{ // x\n \"email.address\": \"a@b.c\"}"));
    assertTrue(SiteConfigs.looksLikeOne("deploy/prod-site.json", "{ not json"));
  }
}
