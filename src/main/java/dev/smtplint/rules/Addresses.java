package dev.smtplint.rules;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/** Mailbox addresses, parsed by Jakarta Mail's RFC 822 parser rather than by a hand-made regex. */
final class Addresses {
  private Addresses() {}

  /** Why {@code value} is not a bare mailbox address, or empty when it is one. */
  static Optional<String> problem(String value) {
    if (value.isBlank()) {
      return Optional.of("it is empty");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      return Optional.of("it contains a line break");
    }
    if (isPlainMailbox(value)) {
      return Optional
          .empty(); // the common case, without loading Jakarta Mail's parser (AddressesTest
      // compares)
    }
    InternetAddress parsed;
    try {
      InternetAddress[] all = InternetAddress.parseHeader(value, true);
      if (all.length != 1) {
        return Optional.of(
            "it holds " + all.length + " addresses; Sourcegraph sends from exactly one");
      }
      parsed = all[0];
    } catch (AddressException e) {
      return Optional.of("it does not parse as an address (" + e.getMessage() + ")");
    }
    if (parsed.getPersonal() != null || value.contains("<")) {
      return Optional.of(
          "it has a display name; Sourcegraph puts the value verbatim in MAIL FROM, and the name belongs in \"email.senderName\"");
    }
    if (!parsed.getAddress().equals(value.trim())) {
      return Optional.of("it is not a bare address");
    }
    if (!value.equals(value.trim())) {
      return Optional.of("it has spaces around the address");
    }
    int at = value.lastIndexOf('@');
    if (at <= 0) {
      return Optional.of("it has no \"@domain\" part");
    }
    String domain = value.substring(at + 1);
    boolean literal = domain.startsWith("[") && domain.endsWith("]");
    if (!literal && !Hosts.isValidHostName(domain)) {
      return Optional.of("its domain \"" + domain + "\" is not a valid host name");
    }
    return Optional.empty();
  }

  private static final String ATEXT = "!#$%&'*+-/=?^_`{|}~";

  /**
   * A dot-atom local part of ASCII atext (RFC 5322 §3.2.3), one "@", and an ASCII host name: what
   * nearly every email.address is, and what Jakarta Mail's strict parser always accepts as a bare
   * address. Anything else goes to that parser.
   */
  static boolean isPlainMailbox(String value) {
    int at = value.indexOf('@');
    if (at <= 0
        || at != value.lastIndexOf('@')
        || at == value.length() - 1
        || value.length() > 254) {
      return false;
    }
    boolean dotAllowed = false;
    for (int i = 0; i < at; i++) {
      char c = value.charAt(i);
      if (c == '.') {
        if (!dotAllowed) {
          return false;
        }
        dotAllowed = false;
      } else if (c < 0x80 && (Character.isLetterOrDigit(c) || ATEXT.indexOf(c) >= 0)) {
        dotAllowed = true;
      } else {
        return false;
      }
    }
    String domain = value.substring(at + 1);
    boolean ldh = true;
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      ldh &= c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.');
    }
    return dotAllowed && ldh && !domain.endsWith(".") && Hosts.isValidHostName(domain);
  }

  /** The domain part of an address, if it has one. */
  static Optional<String> domain(String address) {
    int at = address.lastIndexOf('@');
    return at > 0 && at < address.length() - 1
        ? Optional.of(address.substring(at + 1))
        : Optional.empty();
  }
}
