package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.gotemplate.GoTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The custom email templates Sourcegraph reads, and a linear scan of their {{ }} actions. */
final class Templates {
  /** The templates Sourcegraph's validator checks (internal/txemail/siteconfig.go). */
  static final Set<String> NAMES = Set.of("resetPassword", "setPassword");

  /** The fields of the data Sourcegraph executes them with. */
  static final Set<String> VARIABLES = Set.of("Host", "Username", "URL");

  /** The parts of a template, in the order findings about them are reported. */
  static final List<String> PARTS = List.of("subject", "html", "text");

  private Templates() {}

  /**
   * Each template object under email.templates, as its member (the key's position; the value is an
   * object).
   */
  static List<JsonValue.Member> of(EmailSettings s) {
    JsonValue.Obj templates = s.templates().orElse(null);
    // Before 4.4 there are no templates to judge: setting-not-in-version says so, once.
    if (templates == null
        || Releases.holds("templates", s.options().release()) != Releases.Holds.YES) {
      return List.of();
    }
    List<JsonValue.Member> out = new ArrayList<>();
    for (JsonValue.Member m : templates.members()) {
      if (NAMES.contains(m.key()) && m.value() instanceof JsonValue.Obj) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The template part as Sourcegraph's ParseTemplate parses it: trimmed, subject and text with
   * text/template and markdownToText, html with html/template and markdownToSafeHTML.
   */
  static GoTemplate.Parsed parse(String part, String text) {
    Set<String> extra =
        part.equals("html") ? Set.of("markdownToSafeHTML") : Set.of("markdownToText");
    return GoTemplate.parse(text.strip(), extra);
  }
}
