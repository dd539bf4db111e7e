package dev.smtplint.schema;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A check that can only answer "certainly valid": the email settings of a site config that plainly
 * meet schema/email-settings.schema.json. Anything it is not sure of goes to the full validator,
 * which writes every message; when it says yes, the schema need not even be compiled (a measurable
 * part of a cold lint). {@code QuickCheckTest} holds it to networknt on real and fuzzed inputs.
 */
public final class QuickCheck {
  private static final Set<String> SMTP_KEYS = Set.copyOf(EmailSettings.SMTP_FIELDS);
  private static final Set<String> AUTHENTICATIONS = Set.of("none", "PLAIN", "CRAM-MD5");
  private static final Set<String> HEADER_KEYS = Set.of("key", "value", "sensitive");
  private static final BigDecimal MAX_PORT = BigDecimal.valueOf(65535);

  private QuickCheck() {}

  /**
   * True only when every email.* member the schema defines is plainly valid (unknown email.* keys
   * are allowed).
   */
  public static boolean certainlyValid(JsonValue.Obj root) {
    return certainlyValidBut(root, Set.of());
  }

  /**
   * True only when the schema can find fault at none but the given pointers: every email.* member
   * is plainly valid, except that {@code authentication} may be any string and {@code host} the
   * empty string where their pointers are in {@code explained}. The schema's one possible finding
   * there (enum, minLength) names that pointer, and a rule has already spoken of it, so the finding
   * would be dropped: the validator need not run (nor be compiled) for the commonest mistake,
   * "plain".
   */
  public static boolean certainlyValidBut(JsonValue.Obj root, Set<String> explained) {
    for (JsonValue.Member m : root.members()) {
      boolean ok =
          switch (m.key()) {
            case "email.address", "email.senderName" -> m.value() instanceof JsonValue.Str;
            case "email.smtp" -> smtp(m.value(), explained);
            case "email.templates" -> templates(m.value());
            default -> true; // the root is open: other keys are not judged by the schema
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean smtp(JsonValue value, Set<String> explained) {
    if (!(value instanceof JsonValue.Obj smtp)) {
      return false;
    }
    for (JsonValue.Member m : smtp.members()) {
      if (!SMTP_KEYS.contains(m.key())) {
        return false;
      }
      JsonValue v = m.value();
      boolean ok =
          switch (m.key()) {
            case "host" ->
                v instanceof JsonValue.Str s
                    && (!s.value().isEmpty() || explained.contains(v.pointer()));
            case "port" ->
                v instanceof JsonValue.Num n
                    && n.isIntegerLiteral()
                    && n.decimal().signum() > 0
                    && n.decimal().compareTo(MAX_PORT) <= 0;
            case "authentication" ->
                v instanceof JsonValue.Str s
                    && (AUTHENTICATIONS.contains(s.value()) || explained.contains(v.pointer()));
            case "noVerifyTLS" -> v instanceof JsonValue.Bool;
            case "additionalHeaders" -> headers(v);
            default -> v instanceof JsonValue.Str;
          };
      if (!ok) {
        return false;
      }
    }
    return smtp.get("host").isPresent()
        && smtp.get("port").isPresent()
        && smtp.get("authentication").isPresent();
  }

  private static boolean headers(JsonValue value) {
    if (!(value instanceof JsonValue.Arr array)) {
      return false;
    }
    for (JsonValue item : array.items()) {
      if (!(item instanceof JsonValue.Obj header)
          || header.get("key").isEmpty()
          || header.get("value").isEmpty()) {
        return false;
      }
      for (JsonValue.Member m : header.members()) {
        boolean ok =
            HEADER_KEYS.contains(m.key())
                && (m.key().equals("sensitive")
                    ? m.value() instanceof JsonValue.Bool
                    : m.value() instanceof JsonValue.Str);
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean templates(JsonValue value) {
    if (!(value instanceof JsonValue.Obj templates)) {
      return false;
    }
    for (JsonValue.Member m : templates.members()) {
      if (m.key().equals("resetPassword") || m.key().equals("setPassword")) {
        if (!(m.value() instanceof JsonValue.Obj template)) {
          return false;
        }
        if (template.get("subject").isEmpty() || template.get("html").isEmpty()) {
          return false;
        }
        for (String part : new String[] {"subject", "html", "text"}) {
          if (template.get(part).isPresent()
              && !(template.get(part).get() instanceof JsonValue.Str)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
