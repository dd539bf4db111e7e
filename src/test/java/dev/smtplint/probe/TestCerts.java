package dev.smtplint.probe;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made for the test servers: a private CA and server certificates good and bad. */
public final class TestCerts {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A server identity: its TLS context, and the CA that signed it as a PEM file for --ca-file. */
  public record Identity(SSLContext context, X509Certificate certificate) {}

  private final KeyPair caKeys;
  private final X509Certificate ca;

  public TestCerts() throws Exception {
    caKeys = keys();
    ca =
        sign(
            "CN=smtplint test CA",
            caKeys,
            "CN=smtplint test CA",
            caKeys,
            true,
            null,
            Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(30)),
            "SHA256withECDSA");
  }

  public Path caPem(Path dir) throws IOException {
    Path file = dir.resolve("ca.pem");
    try {
      Files.writeString(
          file,
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded())
              + "\n-----END CERTIFICATE-----\n");
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IOException(e);
    }
    return file;
  }

  /** Signed by the CA for localhost and 127.0.0.1, valid now. */
  public Identity good() throws Exception {
    return server("localhost", true, false);
  }

  public Identity selfSigned() throws Exception {
    return server("localhost", false, false);
  }

  public Identity wrongHost() throws Exception {
    return server("mail.other.test", true, false);
  }

  public Identity expired() throws Exception {
    return server("localhost", true, true);
  }

  /** Signed by the CA, naming localhost only in its Common Name (no subject alternative names). */
  public Identity commonNameOnly() throws Exception {
    return server("localhost", true, false, false, "SHA256withECDSA");
  }

  /** Signed by the CA for localhost with SHA-1 (SHA1withECDSA), which Go 1.18 refuses. */
  public Identity sha1Signed() throws Exception {
    return server("localhost", true, false, true, "SHA1withECDSA");
  }

  private Identity server(String name, boolean caSigned, boolean expired) throws Exception {
    return server(name, caSigned, expired, true, "SHA256withECDSA");
  }

  /** Signed by the CA for localhost, with an RSA key: a server can then offer TLS_RSA_* suites. */
  public Identity rsa() throws Exception {
    return server("localhost", true, false, true, "SHA256withECDSA", true);
  }

  private Identity server(
      String name, boolean caSigned, boolean expired, boolean withNames, String algorithm)
      throws Exception {
    return server(name, caSigned, expired, withNames, algorithm, false);
  }

  private Identity server(
      String name,
      boolean caSigned,
      boolean expired,
      boolean withNames,
      String algorithm,
      boolean rsa)
      throws Exception {
    KeyPair keys = rsa ? rsaKeys() : keys();
    Instant from =
        expired
            ? Instant.now().minus(Duration.ofDays(10))
            : Instant.now().minus(Duration.ofDays(1));
    Instant to =
        expired ? Instant.now().minus(Duration.ofDays(2)) : Instant.now().plus(Duration.ofDays(10));
    GeneralNames names =
        name.equals("localhost")
            ? new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, "localhost"),
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                })
            : new GeneralNames(new GeneralName(GeneralName.dNSName, name));
    GeneralNames sans = withNames ? names : null;
    X509Certificate cert =
        caSigned
            ? sign(
                "CN=smtplint test CA", caKeys, "CN=" + name, keys, false, sans, from, to, algorithm)
            : sign("CN=" + name, keys, "CN=" + name, keys, false, sans, from, to, algorithm);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    X509Certificate[] chain =
        caSigned ? new X509Certificate[] {cert, ca} : new X509Certificate[] {cert};
    store.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "pw".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return new Identity(context, cert);
  }

  private static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      String issuer,
      KeyPair issuerKeys,
      String subject,
      KeyPair subjectKeys,
      boolean isCa,
      GeneralNames names,
      Instant from,
      Instant to,
      String algorithm)
      throws Exception {
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(from),
            Date.from(to),
            new X500Name(subject),
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (names != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, names);
    }
    var signer = new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
