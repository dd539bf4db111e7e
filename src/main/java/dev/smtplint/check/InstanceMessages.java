package dev.smtplint.check;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Location;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running instance's own verdict beside smtplint's ({@code lint --instance}): Sourcegraph's
 * {@code validationMessages} ("email.smtp.port: Invalid type. Expected: integer, given: string",
 * conf's doValidate: the key path, ": ", gojsonschema's description). Each message about an email
 * setting is shown once: with the finding at that setting where smtplint has one ("the instance
 * agrees"), else as a schema-violation there. Messages about other settings are counted, not judged
 * (smtplint judges email.* only).
 */
public final class InstanceMessages {
  /** The results with the instance's messages placed, and how many were about other settings. */
  public record Placed(List<FileResult> results, int others) {}

  private InstanceMessages() {}

  public static Placed place(
      List<FileResult> results,
      Optional<JsonValue.Obj> root,
      List<String> messages,
      Settings settings) {
    List<FileResult> out = new ArrayList<>(results);
    int others = 0;
    for (String message : messages) {
      int colon = message.indexOf(": ");
      String keyPath = colon < 0 ? "" : message.substring(0, colon);
      if (!keyPath.startsWith("email.") || root.isEmpty() || out.isEmpty()) {
        others++;
        continue;
      }
      JsonValue at = deepest(root.get(), keyPath);
      if (!agree(out, at.pointer(), message)) {
        out.set(0, withFinding(out.get(0), at, message, settings));
      }
    }
    return new Placed(List.copyOf(out), others);
  }

  /** The value the key path names ("email.smtp.port"), or the nearest one above it that exists. */
  static JsonValue deepest(JsonValue.Obj root, String keyPath) {
    JsonValue.Member top = null;
    for (JsonValue.Member m : root.members()) {
      boolean names = keyPath.equals(m.key()) || keyPath.startsWith(m.key() + ".");
      if (names && (top == null || m.key().length() > top.key().length())) {
        top = m;
      }
    }
    if (top == null) {
      return root;
    }
    JsonValue node = top.value();
    String rest = keyPath.substring(top.key().length());
    for (String token : rest.isEmpty() ? new String[0] : rest.substring(1).split("\\.", -1)) {
      Optional<JsonValue> child =
          JsonValue.at(node, "/" + token.replace("~", "~0").replace("/", "~1"));
      if (child.isEmpty()) {
        break;
      }
      node = child.get();
    }
    return node;
  }

  /** The first finding at the pointer (or inside it) carries the message: true; none: false. */
  private static boolean agree(List<FileResult> results, String pointer, String message) {
    for (int i = 0; i < results.size(); i++) {
      FileResult r = results.get(i);
      List<Finding> findings = new ArrayList<>(r.findings());
      for (int j = 0; j < findings.size(); j++) {
        String p = findings.get(j).location().pointer();
        if (!pointer.isEmpty() && (p.equals(pointer) || p.startsWith(pointer + "/"))) {
          Finding f = findings.get(j);
          findings.set(
              j,
              f.withMessage(
                  f.message() + " (the instance's own validation agrees: \"" + message + "\")"));
          results.set(i, r.withFindingsReplaced(findings));
          return true;
        }
      }
    }
    return false;
  }

  private static FileResult withFinding(
      FileResult r, JsonValue at, String message, Settings settings) {
    RuleInfo info = Catalogue.info(Catalogue.SCHEMA_VIOLATION);
    if (settings.disabled().contains(info.id())) {
      return r;
    }
    Location where =
        at.pointer().isEmpty()
            ? Location.of(r.path(), Position.START, "")
            : Location.of(r.path(), at.position(), at.end(), at.pointer());
    Finding f =
        new Finding(
            info.id(),
            Optional.ofNullable(settings.severity().get(info.id())).orElse(info.severity()),
            "the instance's own validation reports \""
                + message
                + "\", which smtplint's checks do not explain",
            where);
    List<Finding> all = new ArrayList<>(r.findings());
    all.add(f);
    all.sort(Linter.BY_PLACE);
    return r.withFindingsReplaced(all);
  }
}
