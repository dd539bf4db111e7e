package dev.smtplint.rules;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Host-name facts shared by the rules: validity (with IDN) and the reserved example names. */
final class Hosts {
  private Hosts() {}

  /** A DNS name (IDN allowed, converted as the resolver would) or an IP literal. */
  static boolean isValidHost(String host) {
    return isIpLiteral(host) || isValidHostName(host);
  }

  static boolean isValidHostName(String host) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    String ascii = host.toLowerCase(Locale.ROOT);
    if (!isAscii(host)) {
      try {
        ascii =
            IDN.toASCII(host)
                .toLowerCase(Locale.ROOT); // loads ICU data: only for names that need it
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    String name = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
    if (name.isEmpty()) {
      return false;
    }
    int start = 0;
    for (int dot = name.indexOf('.'); ; dot = name.indexOf('.', start)) {
      int end = dot < 0 ? name.length() : dot;
      if (!isLabel(name, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /**
   * {@code [a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?} over name[start, end), by hand ({@link
   * Matchers}): 1-63 of [a-z0-9_-], not starting or ending with '-' (HostsTest holds the two to
   * each other). Underscores are not LDH, but resolvers accept them and container service names use
   * them.
   */
  static boolean isLabel(String name, int start, int end) {
    if (end - start < 1
        || end - start > 63
        || name.charAt(start) == '-'
        || name.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpLiteral(String host) {
    int[] v4 = Matchers.dottedQuad(host);
    if (v4 != null) {
      for (int octet : v4) {
        if (octet > 255) {
          return false;
        }
      }
      return true;
    }
    return host.indexOf(':') >= 0
        && host.indexOf(':') != host.lastIndexOf(':')
        && Matchers.ipv6Characters(host)
        && isIpv6Literal(host);
  }

  /**
   * The JDK's reading of an IPv6 literal (":::::" and "1::2::3" are none), a zone ("%eth0") aside.
   * The characters were checked to be those of a literal first: with a colon in it, the JDK parses
   * and never looks the text up as a name.
   */
  private static boolean isIpv6Literal(String host) {
    int zone = host.indexOf('%');
    try {
      InetAddress parsed = InetAddress.getByName(zone < 0 ? host : host.substring(0, zone));
      // "::ffff:1.2.3.4" the JDK turns into its IPv4 address
      return parsed instanceof Inet6Address || host.contains(".");
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static final String[] SECOND_LEVEL = {"example.com", "example.net", "example.org"};
  private static final String[] TOP_LEVEL = {".example", ".test", ".invalid", ".localhost"};

  /** RFC 2606 / RFC 6761 names that never reach a real mail system. */
  static boolean isReservedExample(String host) {
    return reservedExample(host).isPresent();
  }

  /** The reserved name a host falls under: "example.com", or a top-level domain such as ".test". */
  static Optional<String> reservedExample(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String second : SECOND_LEVEL) {
      if (h.equals(second)
          || h.endsWith(second) && h.charAt(h.length() - second.length() - 1) == '.') {
        return Optional.of(second);
      }
    }
    for (String tld : TOP_LEVEL) {
      if (h.equals(tld.substring(1)) && !tld.equals(".localhost") || h.endsWith(tld)) {
        return Optional.of(tld);
      }
    }
    return Optional.empty();
  }

  /** The lower-case host without a trailing dot, as provider tables are keyed. */
  static String normalise(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
