package dev.smtplint.probe;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one short, clearly labelled message that --to sends, composed as Sourcegraph composes its
 * mail (internal/txemail's render and Send, then github.com/jordan-wright/email's msgHeaders): From
 * is Go's {@code mail.Address{Name: senderName, Address: email.address}.String()}, the sender name
 * "Sourcegraph" when email.senderName is unset; each additionalHeaders entry is added under its
 * canonical key, and one named Reply-To, To, Cc, From, Subject, Date, Message-Id or MIME-Version
 * replaces the header that would be generated; Message-Id is {@code <nanos.pid.random@host>}. Only
 * the subject and the body are smtplint's: they say it is smtplint's test.
 */
final class TestMessage {
  static final String SUBJECT = "smtplint test of the Sourcegraph email settings";

  /** Sourcegraph's sender name when email.senderName is unset (conf.EmailSenderName). */
  static final String DEFAULT_SENDER_NAME = "Sourcegraph";

  /** The headers jordan-wright/email generates, which an additional header of the name replaces. */
  private static final List<String> GENERATED =
      List.of("Reply-To", "To", "Cc", "From", "Subject", "Date", "Message-Id", "MIME-Version");

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestMessage() {}

  static void write(ProbeSettings s, OutputStream out) throws MessagingException, IOException {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, List<String>> h : headers(s).entrySet()) {
      for (String value : h.getValue()) {
        text.append(h.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    text.append("Content-Type: text/plain; charset=UTF-8\r\n");
    text.append("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    try (OutputStream body = MimeUtility.encode(new NotClosing(out), "quoted-printable")) {
      body.write(body(s).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The message's headers in the order they are written; a name may have several values. */
  static Map<String, List<String>> headers(ProbeSettings s) {
    Map<String, List<String>> additional = new LinkedHashMap<>();
    for (ProbeSettings.Header h : s.headers()) {
      additional.computeIfAbsent(canonicalKey(h.key()), k -> new ArrayList<>()).add(h.value());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    String name = s.senderName().isEmpty() ? DEFAULT_SENDER_NAME : s.senderName();
    put(out, additional, "From", address(name, s.from()));
    List<String> to = new ArrayList<>();
    for (String address : s.to()) {
      to.add(address("", address));
    }
    put(out, additional, "To", String.join(", ", to));
    put(out, additional, "Subject", SUBJECT);
    put(
        out,
        additional,
        "Date",
        ZonedDateTime.now()
            .format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)));
    put(out, additional, "Message-Id", messageId());
    put(out, additional, "MIME-Version", "1.0");
    for (Map.Entry<String, List<String>> h : additional.entrySet()) {
      if (!out.containsKey(h.getKey())) {
        List<String> encoded = new ArrayList<>();
        for (String v : h.getValue()) {
          encoded.add(encodedWord(v, "Q"));
        }
        out.put(h.getKey(), encoded);
      }
    }
    return out;
  }

  private static void put(
      Map<String, List<String>> out,
      Map<String, List<String>> additional,
      String name,
      String generated) {
    List<String> given = additional.get(name);
    out.put(name, GENERATED.contains(name) && given != null ? given : List.of(generated));
  }

  private static String body(ProbeSettings s) {
    return "This is a test message sent by smtplint (smtplint lint --probe --to) to check the email\n"
        + "settings of a Sourcegraph instance: "
        + s.host()
        + ":"
        + s.port()
        + ", authentication "
        + s.authentication()
        + ".\n\nIf you received it, Sourcegraph can send mail with these settings.\n";
  }

  /** jordan-wright/email's generateMessageID: {@code <nanos.pid.random@hostname>}. */
  private static String messageId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost.localdomain";
    }
    java.time.Instant now = java.time.Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    return "<"
        + nanos
        + "."
        + ProcessHandle.current().pid()
        + "."
        + (RANDOM.nextLong() & Long.MAX_VALUE)
        + "@"
        + host
        + ">";
  }

  /**
   * Go's textproto.CanonicalMIMEHeaderKey: "message-id" is "Message-Id"; a key with a space stays.
   */
  static String canonicalKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean token = c < 0x80 && c > ' ' && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0 && c != 0x7F;
      if (!token) {
        return key;
      }
    }
    StringBuilder b = new StringBuilder(key.length());
    boolean upper = true;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return b.toString();
  }

  /** Go's net/mail Address.String(). */
  static String address(String name, String address) {
    int at = address.lastIndexOf('@');
    String local = at < 0 ? address : address.substring(0, at);
    String domain = at < 0 ? "" : address.substring(at + 1);
    boolean quoteLocal = false;
    for (int i = 0; i < local.length() && !quoteLocal; i++) {
      char r = local.charAt(i);
      boolean dotInside = r == '.' && i > 0 && local.charAt(i - 1) != '.' && i < local.length() - 1;
      quoteLocal = !isAtext(r) && !dotInside;
    }
    String angle = "<" + (quoteLocal ? quoteString(local) : local) + "@" + domain + ">";
    if (name.isEmpty()) {
      return angle;
    }
    boolean allPrintable = true;
    for (int i = 0; i < name.length() && allPrintable; i++) {
      char r = name.charAt(i);
      allPrintable = (isVchar(r) || r == ' ' || r == '\t') && r < 0x80;
    }
    if (allPrintable) {
      return quoteString(name) + " " + angle;
    }
    boolean special = false;
    for (char c : "\"#$%&'(),.:;<>@[]^`{|}~".toCharArray()) {
      special |= name.indexOf(c) >= 0;
    }
    return encodedWord(name, special ? "B" : "Q") + " " + angle;
  }

  /** Go's mime.BEncoding / QEncoding Encode("utf-8", s): the text itself when it needs none. */
  private static String encodedWord(String s, String encoding) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c >= ' ' && c < 0x7F || c == '\t';
    }
    if (plain) {
      return s;
    }
    try {
      String word = MimeUtility.encodeWord(s, "utf-8", encoding);
      return word.replace("?" + encoding + "?", "?" + encoding.toLowerCase(Locale.ROOT) + "?");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isVchar(char r) {
    return '!' <= r && r <= '~' || r >= 0x80;
  }

  private static boolean isAtext(char r) {
    return "().<>[]:;@\\,\"".indexOf(r) < 0 && isVchar(r);
  }

  private static String quoteString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char r = s.charAt(i);
      if (r != '\\' && r != '"' && isVchar(r) || r == ' ' || r == '\t') {
        b.append(r);
      } else if (isVchar(r)) {
        b.append('\\').append(r);
      }
    }
    return b.append('"').toString();
  }

  /** The DATA stream stays open after the body: the transport ends it. */
  private static final class NotClosing extends java.io.FilterOutputStream {
    NotClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
