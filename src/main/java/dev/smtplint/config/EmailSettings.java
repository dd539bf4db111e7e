package dev.smtplint.config;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The {@code email.*} part of a site config as Sourcegraph reads it, for the rules. {@code written}
 * is the root object as the file has it; {@code root} is what Go's decoder makes of it: keys
 * matched to the known settings ignoring case, and where several spellings exist they are applied
 * in byte order, so the last one wins and objects are merged field by field
 * ({@code encoding/json} decoding a map re-marshalled with sorted keys). Accessors return a value
 * only when it has the type Sourcegraph expects; a wrongly typed value is the schema check's finding.
 */
public record EmailSettings(JsonValue.Obj root, JsonValue.Obj written, Options options) {
  /** The top-level email settings Sourcegraph's schema defines: the one place their names are written. */
  public static final String ADDRESS = "email.address";
  public static final String SENDER_NAME = "email.senderName";
  public static final String SMTP = "email.smtp";
  public static final String TEMPLATES = "email.templates";
  public static final List<String> KNOWN = List.of(ADDRESS, SENDER_NAME, SMTP, TEMPLATES);

  /** JSON Pointers of the settings findings point at. */
  /** What Sourcegraph serves in place of email.smtp.username and password (internal/conf siteConfigSecrets). */
  public static final String REDACTED = "REDACTED";

  public static final String ADDRESS_POINTER = JsonValue.child("", ADDRESS);
  public static final String SMTP_POINTER = JsonValue.child("", SMTP);
  public static final String HOST_POINTER = JsonValue.child(SMTP_POINTER, "host");
  public static final String PORT_POINTER = JsonValue.child(SMTP_POINTER, "port");
  public static final String DOMAIN_POINTER = JsonValue.child(SMTP_POINTER, "domain");
  public static final String AUTHENTICATION_POINTER = JsonValue.child(SMTP_POINTER, "authentication");
  public static final String PASSWORD_POINTER = JsonValue.child(SMTP_POINTER, "password");

  /** The settings of a site config as Sourcegraph reads them, for the probe (no rule options). */
  public static EmailSettings of(JsonValue.Obj written) {
    return of(written, Options.DEFAULT);
  }

  /**
   * What the run knows beyond the file: whether the password comes from elsewhere, and whether
   * the file is headed for version control (asked only when a rule needs it: it may ask git).
   */
  public record Options(boolean passwordFromEnvironment, BooleanSupplier versioned) {
    public static final Options DEFAULT = new Options(false, () -> true);
  }

  public static EmailSettings of(JsonValue.Obj written, Options options) {
    return new EmailSettings(effective(written), written, options);
  }

  /** The known setting a top-level key is read as, ignoring case, if any. */
  public static Optional<String> knownSetting(String key) {
    return KNOWN.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst();
  }

  private static JsonValue.Obj effective(JsonValue.Obj written) {
    if (written.members().stream().allMatch(m -> knownSetting(m.key()).map(m.key()::equals).orElse(true))) {
      return written;
    }
    Map<String, JsonValue.Member> byKey = new LinkedHashMap<>();
    List<JsonValue.Member> sorted = new ArrayList<>(written.members());
    sorted.sort((a, b) -> compareBytes(a.key(), b.key())); // our lambda is in the start-up archive; Comparator.comparing generates one on every run
    for (JsonValue.Member m : sorted) {
      String key = knownSetting(m.key()).orElse(m.key());
      JsonValue.Member earlier = byKey.get(key);
      JsonValue value = earlier != null && earlier.value() instanceof JsonValue.Obj a && m.value() instanceof JsonValue.Obj b
          ? merge(a, b) : m.value();
      byKey.put(key, new JsonValue.Member(key, m.keyPosition(), m.keyEnd(), value));
    }
    return new JsonValue.Obj(written.pointer(), written.position(), written.end(), written.span(), List.copyOf(byKey.values()));
  }

  /** {@code later} decoded into the struct {@code earlier} filled: its fields replace, the others stay. */
  private static JsonValue.Obj merge(JsonValue.Obj earlier, JsonValue.Obj later) {
    Map<String, JsonValue.Member> fields = new LinkedHashMap<>();
    earlier.members().forEach(m -> fields.put(m.key(), m));
    later.members().forEach(m -> fields.put(m.key(), m));
    return new JsonValue.Obj(later.pointer(), later.position(), later.end(), later.span(), List.copyOf(fields.values()));
  }

  /** Go compares strings by their UTF-8 bytes; for the BMP outside surrogates that is code-point order. */
  private static int compareBytes(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  public Optional<JsonValue.Member> addressMember() {
    return root.member(ADDRESS);
  }

  public Optional<JsonValue.Str> address() {
    return root.string(ADDRESS);
  }

  public Optional<JsonValue.Str> senderName() {
    return root.string(SENDER_NAME);
  }

  public Optional<JsonValue.Member> smtpMember() {
    return root.member(SMTP);
  }

  public Optional<JsonValue.Obj> templates() {
    return root.object(TEMPLATES);
  }

  /** A string setting of email.smtp as written, or "" when it is absent or not a string. */
  public String smtpText(String key) {
    return smtpString(key).map(JsonValue.Str::value).orElse("");
  }

  public Optional<JsonValue.Obj> smtp() {
    return root.object(SMTP);
  }

  public Optional<JsonValue.Str> smtpString(String key) {
    return smtp().flatMap(s -> s.string(key));
  }

  public Optional<String> host() {
    return smtpString("host").map(JsonValue.Str::value);
  }

  /**
   * The port when Go can decode it into an {@code int} (an integer literal: {@code 587.0} is not one,
   * see number-not-integer); anything else is left to that rule and the schema.
   */
  public Optional<JsonValue.Num> port() {
    return smtp().flatMap(s -> s.get("port"))
        .filter(JsonValue.Num.class::isInstance).map(JsonValue.Num.class::cast)
        .filter(JsonValue.Num::isIntegerLiteral);
  }

  public Optional<Integer> portNumber() {
    return port().map(JsonValue.Num::decimal).filter(d -> d.signum() > 0 && d.compareTo(BigDecimal.valueOf(65535)) <= 0)
        .map(BigDecimal::intValue);
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
    root.members().stream().filter(m -> KNOWN.contains(m.key())).forEach(m -> walk(m.value(), action));
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
