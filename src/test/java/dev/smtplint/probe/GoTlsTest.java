package dev.smtplint.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judged release's Go, as the probe's TLS takes it (SPEC §6, #41 item 1). */
class GoTlsTest {
  @TempDir Path dir;

  private static final String[] JDK = {
    "TLS_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"
  };

  @Test
  void goOffersEcdheAndTls13SuitesNeverDheAndRsaKeyExchangeOnlyBeforeGo122() {
    assertArrayEquals(
        new String[] {"TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
        GoTls.NEWEST.cipherSuites(JDK));
    GoTls go121 = new GoTls(true, false, true, true, true, true);
    assertArrayEquals(
        new String[] {
          "TLS_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_128_GCM_SHA256"
        },
        go121.cipherSuites(JDK));
  }

  @Test
  void go118OffersTls12AtLeast() {
    String[] jdk = {"TLSv1.3", "TLSv1.2", "TLSv1.1"};
    assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, GoTls.NEWEST.protocols(jdk));
    GoTls go117 = new GoTls(true, false, false, false, false, true);
    assertArrayEquals(jdk, go117.protocols(jdk));
  }

  /** Go's matchHostnames: a wildcard is a whole leftmost label and matches one label. */
  @Test
  void hostNamesMatchAsGoMatchesThem() {
    assertTrue(GoVerification.matches("*.acme.io", "smtp.acme.io"));
    assertTrue(GoVerification.matches("SMTP.Acme.IO", "smtp.acme.io."));
    assertFalse(GoVerification.matches("*.acme.io", "a.smtp.acme.io"));
    assertFalse(GoVerification.matches("*.acme.io", "acme.io"));
    assertFalse(GoVerification.matches("s*.acme.io", "smtp.acme.io"));
    assertFalse(GoVerification.matches("", "smtp.acme.io"));
  }

  @Test
  void goTextsAreGosForEachRelease() {
    assertEquals(
        "tls: failed to verify certificate: x509: certificate relies on legacy Common Name field,"
            + " use SANs instead",
        GoTls.NEWEST.says(GoTls.NEWEST.commonNameText()));
    GoTls go116 = new GoTls(true, true, false, false, false, true);
    assertEquals(
        "x509: certificate relies on legacy Common Name field, use SANs or temporarily enable"
            + " Common Name matching with GODEBUG=x509ignoreCN=0",
        go116.says(go116.commonNameText()));
    assertEquals(
        "x509: certificate signed by unknown authority (possibly because of \"x509: cannot verify"
            + " signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)\""
            + " while trying to verify candidate authority certificate \"Acme \\\"Mail\\\" CA\")",
        new GoTls(true, false, true, true, false, true).sha1Text("SHA1-RSA", "Acme \"Mail\" CA"));
  }

  /**
   * SSL_CERT_FILE and SSL_CERT_DIR come from the run's environment: a file that is no PEM adds
   * nothing, an unreadable or absent one is passed over, and a file there names roots.
   */
  @Test
  void rootsComeFromTheEnvironmentAndAreBounded() throws Exception {
    TestCerts certs = new TestCerts();
    Path ca = certs.caPem(dir);
    GoRoots one = GoRoots.load(Map.of("SSL_CERT_FILE", ca.toString()));
    assertEquals(1, one.certificates().size());
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
    Path dirs = Files.createDirectories(dir.resolve("certs"));
    Files.copy(ca, dirs.resolve("a.pem"));
    Files.writeString(dirs.resolve("b.pem"), "-----BEGIN CERTIFICATE-----\nxx\n");
    GoRoots both =
        GoRoots.load(
            Map.of(
                "SSL_CERT_FILE",
                junk.toString(),
                "SSL_CERT_DIR",
                dirs + ":" + dir.resolve("absent")));
    assertEquals(1, both.certificates().size(), "the directory's one good file");
    GoRoots none =
        GoRoots.load(
            Map.of(
                "SSL_CERT_FILE",
                dir.resolve("absent.pem").toString(),
                "SSL_CERT_DIR",
                junk.toString()));
    assertTrue(none.certificates().isEmpty());
    assertTrue(GoRoots.BUNDLES.contains("/etc/ssl/certs/ca-certificates.crt"));
    assertEquals(
        List.of("/etc/ssl/certs", "/etc/pki/tls/certs", "/system/etc/security/cacerts"),
        GoRoots.DIRECTORIES);
  }
}
