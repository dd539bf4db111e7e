package dev.smtplint.probe;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.Properties;

/** The one short, clearly labelled message that --to sends. */
final class TestMessage {
  static final String SUBJECT = "smtplint test of the Sourcegraph email settings";

  private TestMessage() {}

  static void write(ProbeSettings s, OutputStream out) throws MessagingException, IOException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(s.from()));
    for (String to : s.to()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
    }
    message.setSubject(SUBJECT, "UTF-8");
    message.setSentDate(new Date());
    message.setText(
        "This is a test message sent by smtplint (smtplint lint --probe --to) to check the email\n"
            + "settings of a Sourcegraph instance: "
            + s.host()
            + ":"
            + s.port()
            + ", authentication "
            + s.authentication()
            + ".\n\nIf you received it, Sourcegraph can send mail with these settings.\n",
        "UTF-8");
    message.writeTo(out);
  }
}
