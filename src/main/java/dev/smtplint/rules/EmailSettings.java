package dev.smtplint.rules;

import dev.smtplint.config.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code email.*} part of a site config as the rules see it. Accessors return a value only
 * when it has the type Sourcegraph expects; a wrongly typed value is the schema check's finding.
 */
public record EmailSettings(JsonValue.Obj root, Options options) {

  /** What the run knows beyond the file: whether the password comes from elsewhere. */
  public record Options(boolean passwordFromEnvironment) {
    public static final Options DEFAULT = new Options(false);
  }

  public Optional<JsonValue.Member> addressMember() {
    return root.member("email.address");
  }

  public Optional<JsonValue.Str> address() {
    return root.string("email.address");
  }

  public Optional<JsonValue.Str> senderName() {
    return root.string("email.senderName");
  }

  public Optional<JsonValue.Member> smtpMember() {
    return root.member("email.smtp");
  }

  public Optional<JsonValue.Obj> smtp() {
    return root.get("email.smtp").filter(JsonValue.Obj.class::isInstance).map(JsonValue.Obj.class::cast);
  }

  public Optional<JsonValue.Str> smtpString(String key) {
    return smtp().flatMap(s -> s.string(key));
  }

  public Optional<String> host() {
    return smtpString("host").map(JsonValue.Str::value);
  }

  /** The port when it is a whole number in range; anything else is left to the schema. */
  public Optional<JsonValue.Num> port() {
    return smtp().flatMap(s -> s.get("port"))
        .filter(JsonValue.Num.class::isInstance).map(JsonValue.Num.class::cast)
        .filter(JsonValue.Num::isIntegral);
  }

  public Optional<Integer> portNumber() {
    return port().map(p -> p.decimal()).filter(d -> d.signum() > 0 && d.compareTo(java.math.BigDecimal.valueOf(65535)) <= 0)
        .map(java.math.BigDecimal::intValue);
  }

  /** The authentication value exactly as written, when it is a string. */
  public Optional<String> authentication() {
    return smtpString("authentication").map(JsonValue.Str::value);
  }

  public boolean authenticates() {
    return authentication().filter(a -> a.equals("PLAIN") || a.equals("CRAM-MD5")).isPresent();
  }

  /** The additionalHeaders entries that are objects. */
  public List<JsonValue.Obj> headers() {
    return smtp().flatMap(s -> s.get("additionalHeaders"))
        .filter(JsonValue.Arr.class::isInstance).map(JsonValue.Arr.class::cast)
        .map(a -> a.items().stream().filter(JsonValue.Obj.class::isInstance).map(JsonValue.Obj.class::cast).toList())
        .orElse(List.of());
  }

  /** Every string value under the email settings, for rules that look at all of them. */
  public void forEachString(Consumer<JsonValue.Str> action) {
    root.members().stream().filter(m -> m.key().startsWith("email.")).forEach(m -> walk(m.value(), action));
  }

  private static void walk(JsonValue value, Consumer<JsonValue.Str> action) {
    if (value instanceof JsonValue.Str s) {
      action.accept(s);
    } else if (value instanceof JsonValue.Obj o) {
      o.members().forEach(m -> walk(m.value(), action));
    } else if (value instanceof JsonValue.Arr a) {
      a.items().forEach(i -> walk(i, action));
    }
  }
}
