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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
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
    return factory(noVerify, caFile, GoTls.NEWEST, "", GoRoots.NONE);
  }

  /**
   * The TLS Sourcegraph's Go client would speak to {@code host}: Go's protocol versions and cipher
   * suites, and, unless {@code noVerify}, the certificate verified as Go verifies it ({@link
   * GoVerification}) against Go's roots on Linux ({@code roots}) plus --ca-file.
   */
  static SSLSocketFactory factory(
      boolean noVerify, Optional<CaFile> caFile, GoTls go, String host, GoRoots roots)
      throws CaFileException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager[] trust;
      if (noVerify) {
        trust = new TrustManager[] {new TrustEverything()};
      } else {
        trust = trustManagers(caFile, roots);
        for (int i = 0; i < trust.length; i++) {
          if (trust[i] instanceof X509ExtendedTrustManager x) {
            trust[i] = new Recording(new GoVerification(x, go, host));
          }
        }
      }
      context.init(null, trust, null);
      return new Verifying(context.getSocketFactory(), go);
    } catch (GeneralSecurityException e) {
      throw new CaFileException("cannot set up TLS: " + e.getMessage());
    }
  }

  static TrustManager[] trustManagers(Optional<CaFile> caFile)
      throws GeneralSecurityException, CaFileException {
    return recording(trustManagers(caFile, GoRoots.NONE));
  }

  /**
   * The JDK's PKIX trust managers over {@code roots} (the JDK's own CAs where Go's files gave none)
   * and the --ca-file.
   */
  private static TrustManager[] trustManagers(Optional<CaFile> caFile, GoRoots roots)
      throws GeneralSecurityException, CaFileException {
    TrustManagerFactory system =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (caFile.isEmpty() && roots.certificates().isEmpty()) {
      system.init((KeyStore) null);
      return system.getTrustManagers();
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
      if (roots.certificates().isEmpty()) {
        // The JDK's own CAs stay trusted; the file adds a private CA, as the Sourcegraph
        // containers would.
        system.init((KeyStore) null);
        for (X509Certificate ca :
            ((X509TrustManager) system.getTrustManagers()[0]).getAcceptedIssuers()) {
          store.setCertificateEntry("system-" + store.size(), ca);
        }
      } else {
        for (X509Certificate ca : roots.certificates()) {
          store.setCertificateEntry("go-" + store.size(), ca);
        }
      }
      if (caFile.isEmpty()) {
        TrustManagerFactory goRoots =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        goRoots.init(store);
        return goRoots.getTrustManagers();
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

  /**
   * A refused certificate, with what it says of itself: the names it carries (DNS and IP subject
   * alternative names, else the subject's CN) and its issuer, so the finding can show them. The
   * JDK's own refusal is the cause; the text is the server's and is escaped where it is shown.
   */
  static final class Presented extends CertificateException {
    private static final long serialVersionUID = 1L;
    private static final int MOST_NAMES = 6;
    private static final int LONGEST = 100;
    private final transient List<String> names;
    private final String issuer;

    Presented(X509Certificate leaf, CertificateException refusal) {
      super(refusal.getMessage(), refusal);
      this.names = names(leaf);
      this.issuer = cut(commonName(leaf.getIssuerX500Principal().getName()));
    }

    List<String> names() {
      return names;
    }

    String issuer() {
      return issuer;
    }

    private static List<String> names(X509Certificate leaf) {
      List<String> out = new ArrayList<>();
      try {
        Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
        if (alternatives != null) {
          for (List<?> alternative : alternatives) {
            Object type = alternative.get(0);
            if ((Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type))
                && out.size() < MOST_NAMES) {
              out.add(cut(String.valueOf(alternative.get(1))));
            }
          }
        }
      } catch (java.security.cert.CertificateParsingException e) {
        // no alternative names to show
      }
      if (out.isEmpty()) {
        out.add(cut(commonName(leaf.getSubjectX500Principal().getName())));
      }
      return List.copyOf(out);
    }

    /**
     * "CN=R11, O=Let's Encrypt, C=US" → "R11 (Let's Encrypt)"; the whole name when it has no CN.
     */
    private static String commonName(String distinguished) {
      String cn = null;
      String o = null;
      for (String part : distinguished.split(",(?=[A-Za-z.0-9]+=)")) {
        String p = part.strip();
        if (p.startsWith("CN=") && cn == null) {
          cn = p.substring(3);
        } else if (p.startsWith("O=") && o == null) {
          o = p.substring(2);
        }
      }
      return cn == null ? distinguished : o == null ? cn : cn + " (" + o + ")";
    }

    private static String cut(String s) {
      return s.length() <= LONGEST ? s : s.substring(0, LONGEST) + "…";
    }
  }

  /** The JDK's trust managers, each wrapped to name the certificate it refuses. */
  private static TrustManager[] recording(TrustManager[] managers) {
    TrustManager[] out = managers.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof X509ExtendedTrustManager x) {
        out[i] = new Recording(x);
      }
    }
    return out;
  }

  private static final class Recording extends DelegatingTrustManager {
    Recording(X509ExtendedTrustManager delegate) {
      super(delegate);
    }

    /** One of the delegate's checks. */
    private interface Check {
      void run() throws CertificateException;
    }

    /** The delegate's check; its refusal carries what the certificate names. */
    private static void named(X509Certificate[] chain, Check check) throws CertificateException {
      try {
        check.run();
      } catch (CertificateException e) {
        throw chain == null || chain.length == 0 ? e : new Presented(chain[0], e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      named(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      named(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      named(chain, () -> delegate.checkServerTrusted(chain, authType));
    }
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
   * Layers TLS over the plain socket with the protocol versions and cipher suites Go's client
   * offers; the host name is checked by {@link GoVerification}, as Go checks it (the JDK's HTTPS
   * check would accept a Common Name).
   */
  private static final class Verifying extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final GoTls go;

    Verifying(SSLSocketFactory delegate, GoTls go) {
      this.delegate = delegate;
      this.go = go;
    }

    private Socket configure(Socket socket) {
      if (socket instanceof SSLSocket ssl) {
        ssl.setEnabledProtocols(go.protocols(ssl.getEnabledProtocols()));
        String[] suites = go.cipherSuites(ssl.getSupportedCipherSuites());
        if (suites.length > 0) {
          ssl.setEnabledCipherSuites(suites);
        }
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
