package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * providers.jsonc lists host names where it held patterns: each provider's names match exactly the
 * hosts its pattern matched, and give the region its named group captured.
 */
class HostNamesTest {
  /** The patterns the table held, by provider id (apiHost as "amazon-ses api"). */
  private static final Map<String, String> BEFORE =
      Map.of(
          "amazon-ses", "^email-smtp(-fips)?\\.(?<region>[a-z0-9-]+)\\.amazonaws\\.com$",
          "amazon-ses api", "^email(-fips)?\\.(?<region>[a-z0-9-]+)\\.amazonaws\\.com$",
          "gmail", "^smtp\\.gmail\\.com$",
          "google-relay", "^smtp-relay\\.gmail\\.com$",
          "sendgrid", "^smtp\\.sendgrid\\.net$",
          "mandrill", "^smtp\\.mandrillapp\\.com$",
          "mailgun", "^smtp(\\.eu)?\\.mailgun\\.org$",
          "postmark", "^smtp(-broadcasts)?\\.postmarkapp\\.com$",
          "sparkpost", "^smtp\\.(eu\\.)?sparkpostmail\\.com$",
          "office365", "^(smtp\\.office365\\.com|smtp-mail\\.outlook\\.com)$");

  @Test
  void everyProvidersNamesMatchWhatItsPatternMatched() {
    List<Provider> all = Provider.all();
    assertEquals(BEFORE.size() - 1, all.size(), "a provider without its former pattern here");
    Random random = new Random(11);
    for (Provider p : all) {
      check(p.host(), Pattern.compile(BEFORE.get(p.id())), random);
      if (p.apiHost().isPresent()) {
        check(p.apiHost().get(), Pattern.compile(BEFORE.get(p.id() + " api")), random);
      }
    }
  }

  private static void check(HostNames names, Pattern before, Random random) {
    String alphabet = "abz09-._";
    int matching = 0;
    for (int i = 0; i < 20_000; i++) {
      String seed = names.names().get(random.nextInt(names.names().size()));
      StringBuilder host =
          new StringBuilder(seed.replace(HostNames.REGION, i % 2 == 0 ? "us-east-1" : "x"));
      for (int e = random.nextInt(3); e > 0; e--) {
        int at = random.nextInt(host.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> host.insert(at, c);
          case 1 -> host.deleteCharAt(at);
          default -> host.setCharAt(at, c);
        }
      }
      String h = host.toString();
      Matcher m = before.matcher(h);
      boolean expected = m.matches();
      String region = names.matched(h);
      assertEquals(expected, region != null, before + " on " + h);
      if (expected) {
        matching++;
        String group = before.pattern().contains("(?<region>") ? m.group("region") : "";
        assertEquals(group, region, before + " on " + h);
      }
    }
    assertTrue(matching > 1_000, before + ": matching hosts generated: " + matching);
  }

  @Test
  void aNameHoldsOneRegionAtMost() {
    assertThrows(
        IllegalArgumentException.class, () -> new HostNames(List.of("{region}.{region}.example")));
    assertThrows(IllegalArgumentException.class, () -> new HostNames(List.of("")));
  }
}
