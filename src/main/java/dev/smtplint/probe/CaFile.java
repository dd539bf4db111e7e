package dev.smtplint.probe;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The --ca-file as read once, when the command line is checked: a pipe ({@code <(…)}) can be read
 * only once, and every probe of the run needs it.
 */
public record CaFile(String name, byte[] pem) {
  /**
   * A TLS context that trusts the JDK's CAs and this file's (for --instance's HTTPS); an
   * IllegalArgumentException, in words a user reads, when the file holds no usable certificate.
   */
  public SSLContext context() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, TlsSockets.trustManagers(Optional.of(this)), null);
      return context;
    } catch (TlsSockets.CaFileException e) {
      throw new IllegalArgumentException(e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(name + ": cannot set up TLS with it");
    }
  }
}
