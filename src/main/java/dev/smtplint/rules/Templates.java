package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The custom email templates Sourcegraph reads, and a linear scan of their {{ }} actions. */
final class Templates {
  /** The templates Sourcegraph's validator checks (internal/txemail/siteconfig.go). */
  static final Set<String> NAMES = Set.of("resetPassword", "setPassword");
  /** The fields of the data Sourcegraph executes them with. */
  static final Set<String> VARIABLES = Set.of("Host", "Username", "URL");

  private Templates() {}

  /** Each template object under email.templates, with its member (for the key's position). */
  static void forEach(EmailSettings s, BiConsumer<JsonValue.Member, JsonValue.Obj> action) {
    s.templates().ifPresent(templates -> templates.members().stream()
            .filter(m -> NAMES.contains(m.key()) && m.value() instanceof JsonValue.Obj)
            .forEach(m -> action.accept(m, (JsonValue.Obj) m.value())));
  }

  /** The texts between "{{" and "}}", in order; an action left open runs to the end. */
  static List<String> actions(String text) {
    List<String> out = new ArrayList<>();
    int from = text.indexOf("{{");
    while (from >= 0) {
      int end = text.indexOf("}}", from + 2);
      if (end < 0) {
        out.add(text.substring(from + 2));
        break;
      }
      out.add(text.substring(from + 2, end));
      from = text.indexOf("{{", end + 2);
    }
    return out;
  }

  /** The field names an action reads from the data: ".Host" in "{{if .Host}}"; not "$x.Field" or "(x).Field". */
  static List<String> fields(String action) {
    List<String> out = new ArrayList<>();
    boolean inString = false;
    for (int i = 0; i < action.length(); i++) {
      char c = action.charAt(i);
      if (c == '"' && (i == 0 || action.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (!inString && c == '.' && i + 1 < action.length() && isIdentStart(action.charAt(i + 1))
          && (i == 0 || !isChained(action.charAt(i - 1)))) {
        int j = i + 1;
        while (j < action.length() && isIdentPart(action.charAt(j))) {
          j++;
        }
        out.add(action.substring(i + 1, j));
        i = j - 1;
      }
    }
    return out;
  }

  private static boolean isChained(char before) {
    return isIdentPart(before) || before == ')' || before == ']' || before == '$';
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  static int count(String text, String token) {
    int n = 0;
    for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
  }
}
