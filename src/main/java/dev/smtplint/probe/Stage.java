package dev.smtplint.probe;

import java.util.Locale;

/** The steps of Sourcegraph's send, in order (SPEC §6). */
public enum Stage {
  RESOLVE,
  CONNECT,
  BANNER,
  EHLO,
  STARTTLS,
  AUTH,
  MAIL_FROM,
  RCPT_TO,
  DATA,
  QUIT;

  /** The name printed in reports: "mail-from". */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
