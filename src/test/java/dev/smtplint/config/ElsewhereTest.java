package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass search for many password texts ({@link SecretSpans#elsewhere}, a table by their
 * first three characters) finds exactly what a search per text finds: overlapping places, texts
 * that share a start, texts that are prefixes of others, a text at the very end.
 */
class ElsewhereTest {
  /** Which characters the spans cover. */
  private static String covered(List<Span> spans, int length) {
    char[] out = ".".repeat(length).toCharArray();
    for (Span s : spans) {
      for (int i = s.start(); i < s.end(); i++) {
        out[i] = '#';
      }
    }
    return new String(out);
  }

  @Test
  void theOnePassSearchFindsWhatASearchPerTextFinds() {
    Random random = new Random(20261207L);
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0, n = random.nextInt(400); i < n; i++) {
        text.append("abc\u017F#".charAt(random.nextInt(5)));
      }
      List<String> forms = new ArrayList<>();
      for (int f = 0, n = 1 + random.nextInt(12); f < n; f++) {
        StringBuilder form = new StringBuilder();
        for (int i = 0, len = 3 + random.nextInt(5); i < len; i++) {
          form.append("abc\u017F#".charAt(random.nextInt(5)));
        }
        if (!forms.contains(form.toString())) {
          forms.add(form.toString());
        }
      }
      List<Span> fast = new ArrayList<>();
      SecretSpans.elsewhere(text.toString(), forms, fast);
      List<Span> slow = new ArrayList<>();
      for (String form : forms) {
        for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
          slow.add(new Span(at, at + form.length()));
        }
      }
      assertEquals(covered(slow, text.length()), covered(fast, text.length()), text + " " + forms);
      assertEquals(slow.size(), fast.size(), text + " " + forms);
    }
  }
}
