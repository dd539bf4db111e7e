package dev.smtplint.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS used after STARTTLS, set up as Go's crypto/tls is by Sourcegraph: the JDK's trusted CAs
 * (plus --ca-file) and an HTTPS-style host-name check of email.smtp.host, or no checks at all with
 * noVerifyTLS. The JDK does the verification; Angus Mail's own identity check is switched off.
 */
final class TlsSockets {
  private TlsSockets() {}

  /** Thrown for a --ca-file that cannot be used; a usage error, not a probe finding. */
  static final class CaFileException extends Exception {
    CaFileException(String message) {
      super(message);
    }
  }

  static SSLSocketFactory factory(boolean noVerify, Optional<CaFile> caFile)
      throws CaFileException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager[] trust =
          noVerify ? new TrustManager[] {new TrustEverything()} : trustManagers(caFile);
      context.init(null, trust, null);
      return new Verifying(context.getSocketFactory(), !noVerify);
    } catch (GeneralSecurityException e) {
      throw new CaFileException("cannot set up TLS: " + e.getMessage());
    }
  }

  static TrustManager[] trustManagers(Optional<CaFile> caFile)
      throws GeneralSecurityException, CaFileException {
    TrustManagerFactory system =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (caFile.isEmpty()) {
      system.init((KeyStore) null);
      return system.getTrustManagers();
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
      // The JDK's own CAs stay trusted; the file adds a private CA, as the Sourcegraph containers
      // would.
      system.init((KeyStore) null);
      for (X509Certificate ca :
          ((X509TrustManager) system.getTrustManagers()[0]).getAcceptedIssuers()) {
        store.setCertificateEntry("system-" + store.size(), ca);
      }
      try (InputStream in = new ByteArrayInputStream(caFile.get().pem())) {
        int added = 0;
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("ca-file-" + added++, c);
        }
        if (added == 0) {
          throw new CaFileException(caFile.get().name() + ": no PEM certificate found");
        }
      }
    } catch (IOException e) {
      throw new CaFileException(
          caFile.get().name()
              + ": cannot be read as PEM certificates ("
              + e.getClass().getSimpleName()
              + ")");
    } catch (CertificateException e) {
      throw new CaFileException(caFile.get().name() + ": not a PEM certificate file");
    }
    TrustManagerFactory withFile =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    withFile.init(store);
    return withFile.getTrustManagers();
  }

  /** noVerifyTLS: Go's InsecureSkipVerify accepts any certificate for any name. */
  private static final class TrustEverything implements X509TrustManager {
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /**
   * Layers TLS over the plain socket and, unless told not to, checks the host name as HTTPS does.
   */
  private static final class Verifying extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final boolean checkHostName;

    Verifying(SSLSocketFactory delegate, boolean checkHostName) {
      this.delegate = delegate;
      this.checkHostName = checkHostName;
    }

    private Socket configure(Socket socket) {
      if (checkHostName && socket instanceof SSLSocket ssl) {
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
      }
      return socket;
    }

    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return configure(delegate.createSocket(s, host, port, autoClose));
    }

    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    public Socket createSocket(String host, int port) throws IOException {
      return configure(delegate.createSocket(host, port));
    }

    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return configure(delegate.createSocket(host, port, local, localPort));
    }

    public Socket createSocket(InetAddress host, int port) throws IOException {
      return configure(delegate.createSocket(host, port));
    }

    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
        throws IOException {
      return configure(delegate.createSocket(address, port, local, localPort));
    }
  }
}
