package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class FromAddressInvalidRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "from-address-invalid",
              ERROR,
              Group.FAILS,
              "email.address is not a bare mailbox address; a display-name form breaks MAIL FROM.",
              new RuleInfo.Explanation(
                  """
                      Sourcegraph sends email.address verbatim as the envelope sender (MAIL FROM:<Acme <noreply@acme.io>>) and \
                      builds the From header from it and email.senderName. Gmail (555 5.5.2), Amazon SES (501) and Microsoft 365 \
                      (501 5.1.7) reject such a MAIL FROM; a default Postfix, whose envelope parser is lenient, accepts it, but \
                      the From header Sourcegraph builds from the value comes out malformed either way.""",
                  "\"email.address\": \"Acme Sourcegraph <noreply@acme.io>\"",
                  "\"email.address\": \"noreply@acme.io\",\n\"email.senderName\": \"Acme Sourcegraph\"",
                  "Write only the address in \"email.address\" and put the name in \"email.senderName\".",
                  """
                      Sourcegraph internal/txemail/txemail.go Send (client.Mail(conf.EmailAddress)) and render (the From \
                      header from email.senderName and email.address); Go net/smtp Client.Mail (MAIL FROM:<%s>); \
                      schema/site.schema.json declares format "email"; the replies: Google Workspace SMTP error reference, \
                      Amazon SES SMTP response codes, Exchange Online NDR 5.1.7."""))
          .fixes(
              Fix.Safety.UNSAFE,
              """
                  writes the bare address of a "Name <address>" value, and the name as email.senderName \
                  when that is unset: the sender the server sees changes""");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str a = s.address().orElse(null);
    if (a == null
        || a.value().isBlank()
        || Placeholders.isPlaceholder(a.value())
        || a.value().indexOf('\r') >= 0
        || a.value().indexOf('\n') >= 0) {
      return;
    }
    Optional<String> problem = Addresses.problem(a.value());
    if (problem.isPresent()) {
      out.at(
          INFO,
          a,
          "\"email.address\" \"" + a.value() + "\" is not a bare mailbox address: " + problem.get(),
          fix(s, a, out));
    }
  }

  /**
   * Unsafe: "Acme <noreply@acme.io>" becomes "noreply@acme.io", and "Acme" becomes email.senderName
   * (inserted before email.address) when it is unset. Read by hand, not by a regex: linear in the
   * value.
   */
  static Optional<Fix> fix(EmailSettings s, JsonValue.Str a, Reporter out) {
    String v = a.value().strip();
    int open = v.lastIndexOf('<');
    if (open < 0 || !v.endsWith(">") || v.indexOf('>') != v.length() - 1) {
      return Optional.empty();
    }
    String address = v.substring(open + 1, v.length() - 1).strip();
    String name = v.substring(0, open).strip();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).strip();
    }
    if (address.isEmpty() || Addresses.problem(address).isPresent()) {
      return Optional.empty();
    }
    List<Fix.Edit> edits = new ArrayList<>(List.of(Edits.replace(a, Edits.quoted(address))));
    String does = "write the bare address \"" + address + "\"";
    JsonValue.Member member = s.addressMember().orElse(null);
    if (!name.isEmpty() && s.senderName().isEmpty() && member != null) {
      JsonValue.Obj only =
          new JsonValue.Obj(
              "",
              member.keyPosition(),
              member.keyPosition(),
              member.value().span(),
              List.of(member));
      Optional<Fix.Edit> insert =
          Edits.insertFirst(
              out.sourceOf(a.pointer()), only, EmailSettings.SENDER_NAME, Edits.quoted(name));
      if (insert.isEmpty()) {
        return Optional.empty();
      }
      edits.add(0, insert.get());
      does += " and \"" + name + "\" as email.senderName";
    }
    return Optional.of(Fix.unsafe(does, edits));
  }
}
