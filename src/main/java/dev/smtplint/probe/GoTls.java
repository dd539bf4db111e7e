package dev.smtplint.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the Go that the judged Sourcegraph release is built with verifies a server after STARTTLS
 * (SPEC §6, §9), where it differs from the JDK: the host only against subject alternative names (Go
 * 1.15, with a GODEBUG escape until 1.17), SHA-1 signatures refused below the root and TLS 1.2 at
 * least (Go 1.18), verification errors wrapped as "tls: failed to verify certificate: " (Go 1.20),
 * no RSA key exchange (Go 1.22). Which release has which Go is a fact of the release table; {@link
 * #NEWEST} is today's Go.
 *
 * @param commonNameRefused a certificate naming the host only in its Common Name is refused
 * @param commonNameHint the refusal names GODEBUG=x509ignoreCN=0 (Go 1.15 and 1.16)
 * @param sha1Refused a SHA-1 signature below the root is refused, and TLS below 1.2 is not offered
 * @param sha1Hint the SHA-1 refusal names GODEBUG=x509sha1=1 (Go 1.18 to 1.23)
 * @param wrapped verification errors start "tls: failed to verify certificate: "
 * @param rsaKeyExchange TLS_RSA_* suites are offered (before Go 1.22)
 */
public record GoTls(
    boolean commonNameRefused,
    boolean commonNameHint,
    boolean sha1Refused,
    boolean sha1Hint,
    boolean wrapped,
    boolean rsaKeyExchange) {

  /** Today's Go (1.24 and later): every refusal, no hints, no RSA key exchange. */
  public static final GoTls NEWEST = new GoTls(true, false, true, false, true, false);

  /**
   * The cipher suites Go's client offers by default, as the JDK names them, in Go's order: ECDHE
   * with AES-GCM, ChaCha20-Poly1305 and AES-CBC-SHA; the RSA key exchange before Go 1.22; never
   * DHE. (3DES, offered before Go 1.23, is switched off in the JDK itself.) TLS 1.3's three suites
   * are Go's too.
   */
  private static final List<String> ECDHE =
      List.of(
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");

  private static final List<String> RSA =
      List.of(
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_256_CBC_SHA");

  private static final List<String> TLS13 =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  /** Go's suites that this JDK supports, in Go's order. */
  String[] cipherSuites(String[] supported) {
    Set<String> jdk = Set.of(supported);
    List<String> out = new ArrayList<>();
    for (List<String> group : rsaKeyExchange ? List.of(TLS13, ECDHE, RSA) : List.of(TLS13, ECDHE)) {
      for (String suite : group) {
        if (jdk.contains(suite)) {
          out.add(suite);
        }
      }
    }
    return out.toArray(new String[0]);
  }

  /** TLS 1.2 and 1.3 (Go 1.18's client minimum); before, the JDK's own (it refuses 1.0 and 1.1). */
  String[] protocols(String[] enabled) {
    if (!sha1Refused) {
      return enabled;
    }
    List<String> out = new ArrayList<>();
    for (String p : enabled) {
      if (p.equals("TLSv1.2") || p.equals("TLSv1.3")) {
        out.add(p);
      }
    }
    return out.toArray(new String[0]);
  }

  /** Go's words for a refusal, as Sourcegraph logs them ("x509: …", wrapped from Go 1.20). */
  String says(String x509) {
    return wrapped ? "tls: failed to verify certificate: " + x509 : x509;
  }

  /** Go's HostnameError for a certificate without subject alternative names that names the host. */
  String commonNameText() {
    return commonNameHint
        ? "x509: certificate relies on legacy Common Name field, use SANs or temporarily enable"
            + " Common Name matching with GODEBUG=x509ignoreCN=0"
        : "x509: certificate relies on legacy Common Name field, use SANs instead";
  }

  /**
   * Go's refusal of a SHA-1 signature: the authority that signed with it is no candidate, so the
   * certificate is "signed by unknown authority", with the reason as a hint.
   */
  String sha1Text(String algorithm, String authority) {
    String insecure =
        "x509: cannot verify signature: insecure algorithm "
            + algorithm
            + (sha1Hint ? " (temporarily override with GODEBUG=x509sha1=1)" : "");
    return "x509: certificate signed by unknown authority (possibly because of "
        + quoted(insecure)
        + " while trying to verify candidate authority certificate "
        + quoted(authority)
        + ")";
  }

  /** Go's %q of a text: quoted, with its quotes and backslashes escaped. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
