package dev.smtplint.rules;

import java.util.List;

/**
 * A provider's host names as providers.jsonc lists them: each a name as written, or with one {@code
 * {region}} standing for a region's name ([a-z0-9-]+). Matched by hand against a normalised
 * (lower-case, no final dot) host: no regular expression on the lint path ({@link Matchers}).
 */
final class HostNames {
  static final String REGION = "{region}";

  private final List<String> names;

  HostNames(List<String> names) {
    for (String name : names) {
      int at = name.indexOf(REGION);
      if (name.isEmpty() || at >= 0 && name.indexOf(REGION, at + 1) >= 0) {
        throw new IllegalArgumentException("providers.jsonc: a host name \"" + name + "\"");
      }
    }
    this.names = List.copyOf(names);
  }

  List<String> names() {
    return names;
  }

  boolean matches(String host) {
    return matched(host) != null;
  }

  /**
   * What {@code {region}} stands for in the first name the host is: "" for a name without one; null
   * when the host is none of them.
   */
  String matched(String host) {
    for (String name : names) {
      int at = name.indexOf(REGION);
      if (at < 0) {
        if (name.equals(host)) {
          return "";
        }
        continue;
      }
      String before = name.substring(0, at);
      String after = name.substring(at + REGION.length());
      int end = host.length() - after.length();
      if (end > before.length()
          && host.startsWith(before)
          && host.endsWith(after)
          && isRegionName(host, before.length(), end)) {
        return host.substring(before.length(), end);
      }
    }
    return null;
  }

  private static boolean isRegionName(String host, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = host.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
