package dev.smtplint.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roots Go's crypto/x509 reads on Linux (root_unix.go, root_linux.go): the file {@code
 * SSL_CERT_FILE} names, else the first of the distributions' bundles that is there; and every file
 * of the directories {@code SSL_CERT_DIR} lists (':' between them). Go also reads its default
 * directories (/etc/ssl/certs …); they hold the bundle's certificates again, so they are read only
 * where no bundle is found. The variables are the run's environment's, never the input's. Files are
 * read bounded (at most {@link #MOST_BYTES} each, {@link #MOST_FILES} from the directories), and
 * only their PEM certificate blocks, as Go's AppendCertsFromPEM; none found: the JDK's own CAs
 * stand in.
 *
 * <p>Read when a probe first verifies a certificate, not when the run starts (a probe with
 * noVerifyTLS never needs them), and once per run. A block that stands in several files (the bundle
 * and /etc/ssl/certs hold each certificate up to four times) is parsed once: parsing is the cost
 * (576 certificates took 400 ms on a cold JVM).
 */
public final class GoRoots {
  public static final GoRoots NONE = new GoRoots(Map.of(), List.of());

  /** Go's certFiles (crypto/x509/root_linux.go), in its order. */
  static final List<String> BUNDLES =
      List.of(
          "/etc/ssl/certs/ca-certificates.crt",
          "/etc/pki/tls/certs/ca-bundle.crt",
          "/etc/ssl/ca-bundle.pem",
          "/etc/pki/tls/cacert.pem",
          "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
          "/etc/ssl/cert.pem");

  /** Go's certDirectories (crypto/x509/root_linux.go). */
  static final List<String> DIRECTORIES =
      List.of("/etc/ssl/certs", "/etc/pki/tls/certs", "/system/etc/security/cacerts");

  static final int MOST_BYTES = 8 << 20;
  static final int MOST_FILES = 4096;

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private final Map<String, String> environment;
  private List<X509Certificate> certificates; // null until first asked for

  private GoRoots(Map<String, String> environment, List<X509Certificate> certificates) {
    this.environment = environment;
    this.certificates = certificates;
  }

  /** The roots as Go on Linux would load them, with the run's {@code environment}, read on use. */
  public static GoRoots load(Map<String, String> environment) {
    Map<String, String> variables = new HashMap<>();
    for (String name : List.of("SSL_CERT_FILE", "SSL_CERT_DIR")) {
      String value = environment.get(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    return new GoRoots(Map.copyOf(variables), null);
  }

  /** The certificates, read on the first call (any probe's thread). */
  public synchronized List<X509Certificate> certificates() {
    if (certificates == null) {
      certificates = read(environment);
    }
    return certificates;
  }

  private static List<X509Certificate> read(Map<String, String> environment) {
    Set<String> blocks = new LinkedHashSet<>();
    String file = environment.getOrDefault("SSL_CERT_FILE", "");
    List<String> files = file.isEmpty() ? BUNDLES : List.of(file);
    for (String f : files) {
      if (read(Path.of(f), blocks)) {
        break; // Go stops at the first bundle it can read
      }
    }
    String dirs = environment.getOrDefault("SSL_CERT_DIR", "");
    List<String> directories =
        !dirs.isEmpty() ? List.of(dirs.split(":")) : blocks.isEmpty() ? DIRECTORIES : List.of();
    int[] budget = {MOST_FILES};
    for (String d : directories) {
      readDirectory(Path.of(d), blocks, budget);
    }
    List<X509Certificate> out = new ArrayList<>();
    for (String block : blocks) {
      try (InputStream in = new ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1))) {
        if (CertificateFactory.getInstance("X.509").generateCertificate(in)
            instanceof X509Certificate x) {
          out.add(x);
        }
      } catch (IOException | CertificateException | RuntimeException e) {
        // Go skips a block that does not parse
      }
    }
    return List.copyOf(out);
  }

  private static void readDirectory(Path dir, Set<String> blocks, int[] budget) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (budget[0]-- <= 0) {
          return;
        }
        read(p, blocks);
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable directory adds nothing, as in Go
    }
  }

  /**
   * The PEM certificate blocks of one regular file (links followed, as Go follows them); whether it
   * held any.
   */
  private static boolean read(Path file, Set<String> blocks) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MOST_BYTES) {
        return false;
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      boolean any = false;
      for (int at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + 1)) {
        int end = text.indexOf(END, at);
        if (end < 0) {
          break;
        }
        String block = text.substring(at, end + END.length());
        if (!block.substring(BEGIN.length()).contains(BEGIN)) {
          any = true;
          blocks.add(block.replace("\r", ""));
        }
      }
      return any;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
