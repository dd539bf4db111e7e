package dev.smtplint.config;

import java.util.List;

/**
 * Which JSON files a directory walk takes for site configs (SPEC §2): one named like a site config
 * (the pre-commit hook's pattern: {@code site.json}, {@code prod-site.json}, {@code
 * site-config.jsonc}), even when it does not parse; or one whose text has a top-level setting of
 * Sourcegraph's site schema. Other JSON in a repository ({@code package.json}, {@code
 * renovate.json}, dashboards) is not smtplint's. A file named on the command line is always linted.
 * Looked at in the text, without a parse, and without regular expressions (rules.Matchers).
 */
public final class SiteConfigs {
  private SiteConfigs() {}

  /**
   * Keys and key prefixes of Sourcegraph's site schema (schema/site.schema.json) that a site config
   * usually has, quoted as they open a key: any one makes a file a site config.
   */
  private static final List<String> KEYS =
      List.of(
          "\"email.",
          "\"externalURL\"",
          "\"auth.",
          "\"licenseKey\"",
          "\"search.",
          "\"experimentalFeatures\"",
          "\"corsOrigin\"",
          "\"observability.",
          "\"batchChanges.",
          "\"codeIntel",
          "\"insights.",
          "\"executors.",
          "\"permissions.",
          "\"encryption.keys\"",
          "\"repoListUpdateInterval\"",
          "\"gitUpdateInterval\"",
          "\"gitMaxConcurrentClones\"",
          "\"disableAutoGitUpdates\"",
          "\"update.channel\"",
          "\"htmlHeadTop\"",
          "\"htmlBodyTop\"",
          "\"branding\"",
          "\"cody.",
          "\"completions\"",
          "\"embeddings\"",
          "\"log.",
          "\"dotcom\"",
          "\"externalService.userMode\"",
          "\"maxReposToSearch\"");

  /** Whether a walked JSON file is a site config, by its name or its text. */
  public static boolean looksLikeOne(String path, String text) {
    if (namedLikeOne(path)) {
      return true;
    }
    for (String key : KEYS) {
      if (text.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The hook's {@code files} pattern, {@code
   * (^|/)([^/]*[-_.])?site([-_.]?config)?([-_.][^/]*)?\.jsonc?$}, by hand over the file's name.
   */
  static boolean namedLikeOne(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String base =
        name.endsWith(".jsonc")
            ? name.substring(0, name.length() - 6)
            : name.endsWith(".json") ? name.substring(0, name.length() - 5) : null;
    if (base == null) {
      return false;
    }
    for (int at = base.indexOf("site"); at >= 0; at = base.indexOf("site", at + 1)) {
      if (at > 0 && !separator(base.charAt(at - 1))) {
        continue; // "website.json": "site" must start the name or follow a separator
      }
      int rest = at + 4;
      if (base.startsWith("config", rest)) {
        rest += 6;
      } else if (rest < base.length()
          && separator(base.charAt(rest))
          && base.startsWith("config", rest + 1)) {
        rest += 7;
      }
      if (rest == base.length() || separator(base.charAt(rest)) || endsAfterSite(base, at + 4)) {
        return true;
      }
    }
    return false;
  }

  /**
   * After "site" with "config" not taken (as the pattern backtracks: "site-configx" is "site" and
   * "-configx"): the end, or a separator and anything.
   */
  private static boolean endsAfterSite(String base, int rest) {
    return rest == base.length() || separator(base.charAt(rest));
  }

  private static boolean separator(char c) {
    return c == '-' || c == '_' || c == '.';
  }
}
