package dev.smtplint.regex;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every regular expression in smtplint's code that may meet input text — each static Pattern field,
 * each regex literal passed to matches/replaceAll/split/compile (the provider table lists names,
 * not patterns: HostNames) — runs against 256 KiB runs (-Dsmtplint.regex.run=1048576 for 1 MiB) of
 * each character class and against runs built for its own shape (its literal characters repeated),
 * and must finish in time and without a StackOverflowError.
 */
class RegexLinearityTest {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final Path MAIN = ROOT.resolve("src/main/java");

  /**
   * 256 KiB runs: a quadratic pattern takes minutes on them, a linear one milliseconds (1 MiB cost
   * verify 20 s more).
   */
  private static final int RUN = Integer.getInteger("smtplint.regex.run", 1 << 18);

  private static final long DEADLINE_MS = 3_000;
  private static final String CLASSES = "0aZ\"\\ :/.-<>{}@\n%_,=~*#";
  private static final Pattern LITERAL_ARGUMENT =
      Pattern.compile(
          "(?:\\.matches|\\.replaceAll|\\.replaceFirst|\\.split|Pattern\\.compile)\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * A text whose every read checks a deadline, so a runaway match fails the test instead of hanging
   * it.
   */
  private static final class Deadline implements CharSequence {
    private final String text;
    private final long until;

    Deadline(String text, long until) {
      this.text = text;
      this.until = until;
    }

    public int length() {
      return text.length();
    }

    public char charAt(int i) {
      if ((i & 0x3FF) == 0 && System.nanoTime() > until) {
        throw new IllegalStateException("deadline");
      }
      return text.charAt(i);
    }

    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.substring(start, end), until);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  @Test
  void everyPatternIsLinearInItsInput() throws Exception {
    Map<String, Pattern> patterns = patterns();
    assertTrue(patterns.size() >= 20, "found only " + patterns.keySet());
    List<String> inputs = new ArrayList<>();
    for (char c : CLASSES.toCharArray()) {
      inputs.add(
          String.valueOf(c).repeat(RUN)
              + "\n!"); // the trailing characters make most patterns fail late
    }
    // Runs behind the prefixes smtplint's patterns look for: a password value, a scheme, an
    // endpoint, a code.
    for (String prefix :
        new String[] {
          "{\"password\": \"", "smtp://", "email-smtp.", "250-", "<", "AKIA", "[", "a:"
        }) {
      for (String run : new String[] {"0", "\\", "\\\"", ":", "a-", ".", "0.", " "}) {
        inputs.add(prefix + run.repeat(RUN / 4 / run.length()) + "\n");
      }
    }
    List<String> slow = java.util.Collections.synchronizedList(new ArrayList<>());
    patterns.entrySet().parallelStream()
        .forEach(
            p -> {
              List<String> own = new ArrayList<>(inputs);
              own.addAll(shaped(p.getValue().pattern()));
              for (String input : own) {
                long start = System.nanoTime();
                try {
                  Matcher m =
                      p.getValue().matcher(new Deadline(input, start + DEADLINE_MS * 1_000_000));
                  while (m.find()) {
                    // every match, as replaceAll and split would
                  }
                } catch (IllegalStateException | StackOverflowError e) {
                  slow.add(
                      p.getKey()
                          + " /"
                          + p.getValue().pattern()
                          + "/ on "
                          + describe(input)
                          + ": "
                          + e.getClass().getSimpleName());
                  break;
                }
              }
            });
    if (!slow.isEmpty()) {
      fail("patterns that are not linear in their input:\n" + String.join("\n", slow));
    }
  }

  /**
   * Runs of the pattern's own literal characters, and of pairs of them: the worst case for its
   * structure.
   */
  private static List<String> shaped(String regex) {
    StringBuilder literals = new StringBuilder();
    for (char c : regex.toCharArray()) {
      if (Character.isLetterOrDigit(c) || "@.:/-<>\"' ".indexOf(c) >= 0) {
        if (literals.indexOf(String.valueOf(c)) < 0) {
          literals.append(c);
        }
      }
    }
    List<String> out = new ArrayList<>();
    String all = literals.toString();
    if (!all.isEmpty()) {
      out.add(all.repeat(RUN / all.length()) + "\u0000");
    }
    for (int i = 0; i + 1 < all.length() && i < 6; i++) {
      out.add(all.substring(i, i + 2).repeat(RUN / 2) + "\n");
    }
    return out;
  }

  private static String describe(String input) {
    return input.length()
        + " chars of "
        + (input.isEmpty()
            ? ""
            : "'" + input.substring(0, Math.min(4, input.length())).replace("\n", "\\n") + "'...");
  }

  /** Static Pattern fields of every main class and regex literals in the sources. */
  private static Map<String, Pattern> patterns() throws Exception {
    Map<String, Pattern> out = new LinkedHashMap<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(MAIN)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path source : sources) {
      String className =
          MAIN.relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
      Class<?> type = Class.forName(className, false, RegexLinearityTest.class.getClassLoader());
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == Pattern.class) {
          f.setAccessible(true);
          out.put(type.getSimpleName() + "." + f.getName(), (Pattern) f.get(null));
        }
      }
      Matcher m = LITERAL_ARGUMENT.matcher(Files.readString(source));
      while (m.find()) {
        String regex = unescape(m.group(1));
        out.putIfAbsent(source.getFileName() + " \"" + m.group(1) + "\"", Pattern.compile(regex));
      }
    }
    return out;
  }

  private static String unescape(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length()) {
        char n = literal.charAt(++i);
        out.append(
            switch (n) {
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
