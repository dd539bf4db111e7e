package dev.smtplint.probe;

import dev.smtplint.report.Redaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Every form of the password that the probe put on the wire (the password, the PLAIN blob, each
 * CRAM-MD5 response, in clear and in base64): whatever the server says back, and whatever the probe
 * reports, shows a mask in their place. One per probe; used by the probe's one thread.
 */
final class Redactor {
  static final String MASK = Redaction.MASK;

  /** Shorter forms would mask ordinary words; no encoded form is this short. */
  private static final int MIN_LENGTH = 4;

  private final List<String> forms = new ArrayList<>();

  void add(String form) {
    if (form != null && form.length() >= MIN_LENGTH && !forms.contains(form)) {
      forms.add(form);
      forms.sort(
          (a, b) ->
              Integer.compare(b.length(), a.length())); // longest first: a blob before its parts
    }
  }

  String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String form : forms) {
      out = out.replace(form, MASK);
    }
    return out;
  }
}
