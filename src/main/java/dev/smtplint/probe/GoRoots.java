package dev.smtplint.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roots Go's crypto/x509 reads on Linux (root_unix.go, root_linux.go): the file {@code
 * SSL_CERT_FILE} names, else the first of the distributions' bundles that is there; and every file
 * of the directories {@code SSL_CERT_DIR} lists (':' between them). Go also reads its default
 * directories (/etc/ssl/certs …); they hold the bundle's certificates again, so they are read only
 * where no bundle is found. The variables are the run's environment's, never the input's. Files are
 * read bounded (at most {@link #MOST_BYTES} each, {@link #MOST_FILES} from the directories); none
 * found: the JDK's own CAs stand in.
 */
public record GoRoots(List<X509Certificate> certificates) {
  public static final GoRoots NONE = new GoRoots(List.of());

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

  public GoRoots {
    certificates = List.copyOf(certificates);
  }

  /** The roots as Go on Linux would load them, with the run's {@code environment}. */
  public static GoRoots load(Map<String, String> environment) {
    List<X509Certificate> out = new ArrayList<>();
    String file = environment.getOrDefault("SSL_CERT_FILE", "");
    List<String> files = file.isEmpty() ? BUNDLES : List.of(file);
    for (String f : files) {
      if (read(Path.of(f), out)) {
        break; // Go stops at the first bundle it can read
      }
    }
    String dirs = environment.getOrDefault("SSL_CERT_DIR", "");
    List<String> directories =
        !dirs.isEmpty() ? List.of(dirs.split(":")) : out.isEmpty() ? DIRECTORIES : List.of();
    int[] budget = {MOST_FILES};
    for (String d : directories) {
      readDirectory(Path.of(d), out, budget);
    }
    return new GoRoots(out);
  }

  private static void readDirectory(Path dir, List<X509Certificate> out, int[] budget) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (budget[0]-- <= 0) {
          return;
        }
        read(p, out);
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable directory adds nothing, as in Go
    }
  }

  /** The PEM certificates of one regular file (links followed, as Go follows them). */
  private static boolean read(Path file, List<X509Certificate> out) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MOST_BYTES) {
        return false;
      }
      byte[] bytes = Files.readAllBytes(file);
      int before = out.size();
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          if (c instanceof X509Certificate x) {
            out.add(x);
          }
        }
      }
      return out.size() > before;
    } catch (IOException | CertificateException | RuntimeException e) {
      return false; // Go skips what does not parse
    }
  }
}
