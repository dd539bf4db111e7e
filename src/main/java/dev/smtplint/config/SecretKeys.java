package dev.smtplint.config;

import java.util.Set;

/**
 * Which keys hold a secret (SPEC §10): every spelling Go's encoding/json reads as "password" or
 * "username" (case-insensitive, with Go's folding of U+017F ſ to s and U+212A KELVIN SIGN to k),
 * and the close misspellings an admin writes for them ("pasword", "passwd", "pwd", "smtp_password",
 * "user"): Sourcegraph ignores a misspelt key, but its value is still the password the admin typed.
 * Any key that names a password or secret anywhere is one too. Masking too much costs an excerpt a
 * few characters; masking too little shows a password.
 */
public final class SecretKeys {
  /** No key this long is a spelling of a credential's name (a bound on the work per string). */
  static final int MAX_KEY_LENGTH = 40;

  private SecretKeys() {}

  /** Misspellings of "password" an admin writes, separators removed ("pass_wd" is "passwd"). */
  private static final Set<String> PASSWORD_SPELLINGS =
      Set.of(
          "pwd",
          "pw",
          "pass",
          "passwd",
          "paswd",
          "pasword",
          "passwrd",
          "passowrd",
          "passwrod",
          "passsword",
          "pssword",
          "passord",
          "passward",
          "passw",
          "smtppass",
          "smtppwd",
          "pswd",
          "psw",
          "pword",
          "passcode",
          "passkey",
          "creds",
          "smtpkey",
          "apikey",
          "token",
          "authtoken",
          "accesstoken");

  /** Names and misspellings of "username", separators removed. */
  private static final Set<String> USERNAME_SPELLINGS =
      Set.of(
          "user",
          "usr",
          "login",
          "uname",
          "usename",
          "usernme",
          "usernam",
          "userame",
          "usrname",
          "smtpuser",
          "smtplogin",
          "userid",
          "account");

  /** What a key names: nothing secret, a username, or a password (or another secret). */
  public enum Kind {
    NONE,
    USERNAME,
    PASSWORD
  }

  /**
   * Keys already judged: a batch's files spell the same few dozen keys, and judging one (Go's
   * folding, the spellings, an edit distance) was a tenth of a cold batch's time. Bounded: past
   * {@link #MEMO_LIMIT} keys (only a hostile or very varied input has that many), keys are judged
   * without being remembered.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Kind> MEMO =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MEMO_LIMIT = 1024;

  /** What a key (JSON escapes already undone) names. */
  public static Kind kind(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Kind.NONE;
    }
    Kind known = MEMO.get(key);
    if (known != null) {
      return known;
    }
    String k = folded(key);
    Kind kind =
        isPasswordName(k)
            ? Kind.PASSWORD
            : k.contains("username")
                    || USERNAME_SPELLINGS.contains(k)
                    || k.length() >= 6
                        && k.length() <= 10
                        && (k.contains("user") || k.contains("name"))
                        && near(k, "username")
                ? Kind.USERNAME
                : Kind.NONE;
    if (MEMO.size() < MEMO_LIMIT) {
      MEMO.put(key, kind);
    }
    return kind;
  }

  /** Whether a key (JSON escapes already undone) names a password, a secret or a username. */
  public static boolean isSecret(String key) {
    return kind(key) != Kind.NONE;
  }

  /**
   * Whether a key names the password (or another secret): its value's text is masked wherever it
   * occurs.
   */
  public static boolean isPassword(String key) {
    return kind(key) == Kind.PASSWORD;
  }

  private static boolean isPasswordName(String k) {
    return k.contains("password")
        || k.contains("passwd")
        || k.contains("passwort")
        || k.contains("pasword")
        || k.contains("passphrase")
        || k.contains("secret")
        || k.contains("credential")
        || PASSWORD_SPELLINGS.contains(k)
        || looksLikePassword(k) && near(k, "password");
  }

  /**
   * A cheap first look before the edit distance (every key of every file is asked): two edits of
   * "password" leave "pa", "ss", "wor" or "rd" standing.
   */
  private static boolean looksLikePassword(String k) {
    return k.length() >= 6
        && k.length() <= 10
        && (k.charAt(0) == 'p' || k.contains("ss") || k.contains("wor") || k.endsWith("rd"));
  }

  /**
   * Whether a key is within two edits (a letter changed, added, dropped, or two swapped) of {@code
   * word}: "passwcrd", "pa55word", "oassword", "passworA" are the password the admin typed.
   */
  private static boolean near(String k, String word) {
    return Math.abs(k.length() - word.length()) <= 2 && Suggestions.distance(k, word) <= 2;
  }

  /**
   * Lower case as Go folds it, without the separators people put in names ("smtp_password" →
   * "smtppassword").
   */
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
}
