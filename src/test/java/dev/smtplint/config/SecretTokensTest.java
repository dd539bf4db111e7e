package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretTokensTest {
  /**
   * The one-pass word scan masks what a search of a case-folded copy, word by word, masked (the
   * scan it replaced): the same spans in the same order, and the same passwords.
   */
  @Test
  void theWordScanFindsWhatAFoldedSearchFinds() {
    Random random = new Random(5);
    String[] pieces = {
      "password",
      "PassWord",
      "pa\u017F\u017Fword",
      "username",
      "USERNAME",
      "passwd",
      "pasword",
      "pwd",
      "PWD",
      "secret",
      "SeCrEt",
      "\"",
      "'",
      ":",
      " ",
      "\n",
      "x",
      "-",
      "_",
      "{",
      "}",
      "[",
      "]",
      "//",
      "hunter2",
      ",",
      "\u212A",
      "p",
      "s",
      "u"
    };
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      char[] text = b.toString().toCharArray();
      List<Span> passwords = new ArrayList<>();
      List<Span> expectedPasswords = new ArrayList<>();
      List<Span> spans = SecretTokens.byWord(text, passwords);
      assertEquals(folded(text, expectedPasswords), spans, b.toString());
      assertEquals(expectedPasswords, passwords, b.toString());
      found += spans.size();
    }
    assertTrue(found > 1_000, "spans found: " + found);
  }

  /** The former scan: fold a copy, then search it for each word in turn. */
  private static List<Span> folded(char[] text, List<Span> passwords) {
    char[] folded = text.clone();
    for (int i = 0; i < folded.length; i++) {
      char c = folded[i];
      if (c >= 'A' && c <= 'Z') {
        folded[i] = (char) (c + 32);
      } else if (c == '\u017F') {
        folded[i] = 's';
      } else if (c == '\u212A') {
        folded[i] = 'k';
      }
    }
    String lower = new String(folded);
    List<Span> out = new ArrayList<>();
    for (String key : List.of("password", "username", "passwd", "pasword", "pwd", "secret")) {
      for (int i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + key.length())) {
        SecretTokens.maskAfterWord(text, i, key, out, passwords);
      }
    }
    return out;
  }
}
