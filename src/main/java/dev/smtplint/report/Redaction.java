package dev.smtplint.report;

import java.util.Set;
import java.util.regex.Pattern;

/** Masks secrets in text a formatter is about to print. */
public final class Redaction {
  public static final String MASK = "********";
  private static final Pattern PASSWORD_VALUE =
      Pattern.compile("(\"(?:password|pass|secret)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")", Pattern.CASE_INSENSITIVE);

  private Redaction() {}

  /** The line with every secret, and any "password": "..." value, replaced by a mask. */
  public static String line(String text, Set<String> secrets) {
    String out = PASSWORD_VALUE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    for (String secret : secrets) {
      if (secret.length() >= 3) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
