package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The custom email templates Sourcegraph reads, and a linear scan of their {{ }} actions. */
final class Templates {
  /** The templates Sourcegraph's validator checks (internal/txemail/siteconfig.go). */
  static final Set<String> NAMES = Set.of("resetPassword", "setPassword");
  /** The fields of the data Sourcegraph executes them with. */
  static final Set<String> VARIABLES = Set.of("Host", "Username", "URL");
  /** The parts of a template, in the order findings about them are reported. */
  static final List<String> PARTS = List.of("subject", "html", "text");

  private Templates() {}

  /** Each template object under email.templates, with its member (for the key's position). */
  static void forEach(EmailSettings s, BiConsumer<JsonValue.Member, JsonValue.Obj> action) {
    s.templates().ifPresent(templates -> templates.members().stream()
            .filter(m -> NAMES.contains(m.key()) && m.value() instanceof JsonValue.Obj)
            .forEach(m -> action.accept(m, (JsonValue.Obj) m.value())));
  }

  /**
   * The template part as Sourcegraph's ParseTemplate parses it: trimmed, subject and text with
   * text/template and markdownToText, html with html/template and markdownToSafeHTML.
   */
  static GoTemplate.Parsed parse(String part, String text) {
    Set<String> extra = part.equals("html") ? Set.of("markdownToSafeHTML") : Set.of("markdownToText");
    return GoTemplate.parse(text.strip(), extra);
  }
}
