package dev.smtplint.probe;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * A server's certificate verified as Go's crypto/x509 verifies it for Sourcegraph's sender, in Go's
 * order: the leaf's validity, the host name against the subject alternative names only ({@code
 * VerifyHostname}), the chain (the JDK's PKIX, over Go's roots), then no SHA-1 signature below the
 * root. A refusal carries Go's own error text ({@link Refusal}): the one Sourcegraph logs.
 */
final class GoVerification extends DelegatingTrustManager {
  private final GoTls go;
  private final String host;

  GoVerification(X509ExtendedTrustManager pkix, GoTls go, String host) {
    super(pkix);
    this.go = go;
    this.host = host;
  }

  /** A certificate Go refuses: what is wrong, in smtplint's words, and Go's text. */
  static final class Refusal extends CertificateException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the certificate. */
    enum Problem {
      EXPIRED,
      NAME,
      COMMON_NAME,
      UNTRUSTED,
      SHA1
    }

    private final Problem problem;
    private final String goText;

    Refusal(Problem problem, String goText) {
      super(goText);
      this.problem = problem;
      this.goText = goText;
    }

    Problem problem() {
      return problem;
    }

    /** Go's error text, as Sourcegraph logs it (server-supplied names in it: escape to show). */
    String goText() {
      return goText;
    }
  }

  private void verify(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new Refusal(
          Refusal.Problem.UNTRUSTED, go.says("x509: certificate signed by unknown authority"));
    }
    X509Certificate leaf = chain[0];
    validity(leaf);
    hostName(leaf);
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      Refusal r =
          new Refusal(
              Refusal.Problem.UNTRUSTED, go.says("x509: certificate signed by unknown authority"));
      r.initCause(e);
      throw r;
    }
    if (go.sha1Refused()) {
      sha1(chain);
    }
  }

  private void validity(X509Certificate leaf) throws Refusal {
    java.util.Date now = new java.util.Date();
    try {
      leaf.checkValidity(now);
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      boolean expired = e instanceof CertificateExpiredException;
      throw new Refusal(
          Refusal.Problem.EXPIRED,
          go.says(
              "x509: certificate has expired or is not yet valid: current time "
                  + rfc3339(now)
                  + (expired
                      ? " is after " + rfc3339(leaf.getNotAfter())
                      : " is before " + rfc3339(leaf.getNotBefore()))));
    }
  }

  private static String rfc3339(java.util.Date date) {
    return DateTimeFormatter.ISO_INSTANT.format(date.toInstant().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Go's VerifyHostname (crypto/x509), and its HostnameError's words when it fails. */
  private void hostName(X509Certificate leaf) throws Refusal {
    String h =
        host.length() > 1 && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    boolean hasSan = sans(leaf, dns, ips);
    String ipLiteral =
        h.length() >= 3 && h.startsWith("[") && h.endsWith("]")
            ? h.substring(1, h.length() - 1)
            : h;
    InetAddress ip = ipLiteral(ipLiteral);
    String cn = commonName(leaf.getSubjectX500Principal());
    if (ip != null) {
      for (String candidate : ips) {
        InetAddress c = ipLiteral(candidate);
        if (ip.equals(c)) {
          return;
        }
      }
    } else {
      for (String pattern : dns) {
        if (matches(pattern, h)) {
          return;
        }
      }
      if (!go.commonNameRefused() && !hasSan && matches(cn, h)) {
        return; // Go before 1.15 took the Common Name where no SAN extension was
      }
    }
    if (!hasSan && matches(cn, h)) {
      throw new Refusal(Refusal.Problem.COMMON_NAME, go.says(go.commonNameText()));
    }
    String valid;
    if (ip != null) {
      if (ips.isEmpty()) {
        throw new Refusal(
            Refusal.Problem.NAME,
            go.says(
                "x509: cannot validate certificate for "
                    + ipLiteral
                    + " because it doesn't contain any IP SANs"));
      }
      valid = String.join(", ", ips);
    } else {
      valid = String.join(", ", dns);
    }
    throw new Refusal(
        Refusal.Problem.NAME,
        go.says(
            valid.isEmpty()
                ? "x509: certificate is not valid for any names, but wanted to match " + host
                : "x509: certificate is valid for " + valid + ", not " + host));
  }

  /** Whether the leaf has a SAN extension; its DNS names and IP addresses into the lists. */
  private static boolean sans(X509Certificate leaf, List<String> dns, List<String> ips) {
    try {
      Collection<List<?>> all = leaf.getSubjectAlternativeNames();
      if (all == null) {
        return false;
      }
      for (List<?> san : all) {
        if (Integer.valueOf(2).equals(san.get(0))) {
          dns.add(String.valueOf(san.get(1)));
        } else if (Integer.valueOf(7).equals(san.get(0))) {
          ips.add(String.valueOf(san.get(1)));
        }
      }
      return true;
    } catch (CertificateParsingException e) {
      return true; // there, but unreadable: Go refuses to parse such a certificate at all
    }
  }

  /** An IP address written as one (never a name looked up), else null. */
  private static InetAddress ipLiteral(String s) {
    boolean v4 = !s.isEmpty();
    for (int i = 0; i < s.length() && v4; i++) {
      char c = s.charAt(i);
      v4 = c == '.' || c >= '0' && c <= '9';
    }
    if (!v4 && s.indexOf(':') < 0) {
      return null;
    }
    try {
      return InetAddress.getByName(s); // a literal: no lookup
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Go's matchHostnames: ASCII case, a leading "*." label matching one label. */
  static boolean matches(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (p.isEmpty() || h.isEmpty()) {
      return false;
    }
    String[] ps = p.split("\\.", -1);
    String[] hs = h.split("\\.", -1);
    if (ps.length != hs.length) {
      return false;
    }
    for (int i = 0; i < ps.length; i++) {
      if (i == 0 && ps[i].equals("*")) {
        continue;
      }
      if (!ps[i].equals(hs[i])) {
        return false;
      }
    }
    return true;
  }

  /** A signature with SHA-1 anywhere below the root refused, as Go 1.18 and later refuse it. */
  private void sha1(X509Certificate[] chain) throws Refusal {
    for (int i = 0; i < chain.length; i++) {
      X509Certificate c = chain[i];
      boolean root =
          i == chain.length - 1 && c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
      String algorithm = goName(c.getSigAlgName());
      if (!root && algorithm != null) {
        String authority =
            i + 1 < chain.length
                ? commonName(chain[i + 1].getSubjectX500Principal())
                : commonName(c.getIssuerX500Principal());
        throw new Refusal(Refusal.Problem.SHA1, go.says(go.sha1Text(algorithm, authority)));
      }
    }
  }

  /** Go's name of a SHA-1 signature algorithm; null for any other. */
  private static String goName(String jdk) {
    String a = jdk.toUpperCase(Locale.ROOT);
    if (a.equals("SHA1WITHRSA")) {
      return "SHA1-RSA";
    }
    if (a.equals("SHA1WITHECDSA")) {
      return "ECDSA-SHA1";
    }
    return null;
  }

  /** The CN of a name, as Go's Subject.CommonName ("" without one). */
  static String commonName(X500Principal name) {
    try {
      javax.naming.ldap.LdapName ldap = new javax.naming.ldap.LdapName(name.getName());
      for (javax.naming.ldap.Rdn rdn : ldap.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return String.valueOf(rdn.getValue());
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      // no CN to read
    }
    return "";
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    verify(chain, authType);
  }
}
