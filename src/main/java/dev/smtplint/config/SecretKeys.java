package dev.smtplint.config;

/**
 * Which keys hold a secret (SPEC §10): every spelling Go's encoding/json reads as "password" or
 * "username" (case-insensitive, with Go's folding of U+017F ſ to s and U+212A KELVIN SIGN to k), and
 * the close misspellings an admin writes for them ("pasword", "passwd", "pwd", "smtp_password",
 * "user"): Sourcegraph ignores a misspelt key, but its value is still the password the admin typed.
 * Any key that names a password or secret anywhere is one too. Masking too much costs an excerpt a
 * few characters; masking too little shows a password.
 */
public final class SecretKeys {
  /** No key this long is a spelling of a credential's name (a bound on the work per string). */
  static final int MAX_KEY_LENGTH = 40;

  private SecretKeys() {}

  /** Whether a key (JSON escapes already undone) names a password, a secret or a username. */
  public static boolean isSecret(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return false;
    }
    String k = folded(key);
    return isPasswordName(k) || isUsernameName(k);
  }

  /** Whether a key names the password (or another secret): its value's text is masked wherever it occurs. */
  public static boolean isPassword(String key) {
    return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && isPasswordName(folded(key));
  }

  private static boolean isPasswordName(String k) {
    return k.contains("password") || k.contains("passwd") || k.contains("passwort") || k.contains("pasword")
        || k.contains("passphrase") || k.contains("secret") || k.equals("pwd") || k.equals("pw") || k.equals("pass")
        || k.equals("smtppass") || k.equals("smtppwd") || k.length() >= 6 && k.length() <= 11 && withinTwoEdits(k, "password");
  }

  private static boolean isUsernameName(String k) {
    return k.contains("username") || k.equals("user") || k.equals("usr") || k.equals("login") || k.equals("smtpuser")
        || k.length() >= 6 && k.length() <= 11 && withinTwoEdits(k, "username");
  }

  /** Lower case as Go folds it, without the separators people put in names ("smtp_password" → "smtppassword"). */
  static String folded(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\u017F') {
        out.append('s');
      } else if (c == '\u212A') {
        out.append('k');
      } else if (c == '_' || c == '-' || c == '.' || c == ' ') {
        continue;
      } else {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /** Damerau-free edit distance at most 2 (insert, delete, substitute), on short strings. */
  private static boolean withinTwoEdits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int best = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        best = Math.min(best, current[j]);
      }
      if (best > 2) {
        return false;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= 2;
  }
}
