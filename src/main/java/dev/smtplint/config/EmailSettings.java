package dev.smtplint.config;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The {@code email.*} part of a site config as Sourcegraph reads it, for the rules. {@code written}
 * is the root object as the file has it; {@code root} is what Go's decoder makes of it: keys
 * matched to the known settings ignoring case, and where several spellings exist they are applied
 * in byte order, so the last one wins and objects are merged field by field ({@code encoding/json}
 * decoding a map re-marshalled with sorted keys). Accessors return a value only when it has the
 * type Sourcegraph expects; a wrongly typed value is the schema check's finding.
 */
public record EmailSettings(JsonValue.Obj root, JsonValue.Obj written, Options options) {
  /**
   * The top-level email settings Sourcegraph's schema defines: the one place their names are
   * written.
   */
  public static final String ADDRESS = "email.address";

  public static final String SENDER_NAME = "email.senderName";
  public static final String SMTP = "email.smtp";
  public static final String TEMPLATES = "email.templates";
  public static final List<String> KNOWN = List.of(ADDRESS, SENDER_NAME, SMTP, TEMPLATES);

  /** JSON Pointers of the settings findings point at. */
  /**
   * What Sourcegraph serves in place of email.smtp.username and password (internal/conf
   * siteConfigSecrets).
   */
  public static final String REDACTED = "REDACTED";

  public static final String ADDRESS_POINTER = JsonValue.child("", ADDRESS);
  public static final String SMTP_POINTER = JsonValue.child("", SMTP);
  public static final String HOST_POINTER = JsonValue.child(SMTP_POINTER, "host");
  public static final String PORT_POINTER = JsonValue.child(SMTP_POINTER, "port");
  public static final String DOMAIN_POINTER = JsonValue.child(SMTP_POINTER, "domain");
  public static final String AUTHENTICATION_POINTER =
      JsonValue.child(SMTP_POINTER, "authentication");
  public static final String PASSWORD_POINTER = JsonValue.child(SMTP_POINTER, "password");

  /** The settings of a site config as Sourcegraph reads them, for the probe (no rule options). */
  public static EmailSettings of(JsonValue.Obj written) {
    return of(written, Options.DEFAULT);
  }

  /**
   * What the run knows beyond the file: whether the password comes from elsewhere, and whether the
   * file is headed for version control (asked only when a rule needs it: it may ask git).
   */
  /**
   * What holds the file that holds email.smtp: a file of its own, a Kubernetes ConfigMap's value
   * (readable by anyone who may read ConfigMaps) or a Secret's. The advice on a password fits it.
   */
  public enum Holder {
    FILE,
    CONFIG_MAP,
    SECRET
  }

  /**
   * How the settings are kept: {@code versioned}, whether the file that holds email.smtp is headed
   * for version control; {@code heldIn}, what holds that file.
   */
  public record Options(
      boolean passwordFromEnvironment,
      BooleanSupplier versioned,
      Holder heldIn,
      Optional<SourcegraphVersion> release) {
    public static final Options DEFAULT =
        new Options(
            false,
            new BooleanSupplier() { // no lambda on the lint path (LambdaFreeTest)
              @Override
              public boolean getAsBoolean() {
                return true;
              }
            },
            Holder.FILE,
            Optional.empty());

    public Options(boolean passwordFromEnvironment, BooleanSupplier versioned) {
      this(passwordFromEnvironment, versioned, Holder.FILE, Optional.empty());
    }
  }

  public static EmailSettings of(JsonValue.Obj written, Options options) {
    return new EmailSettings(effective(written), written, options);
  }

  /** The known setting a top-level key is read as, ignoring case, if any. */
  public static Optional<String> knownSetting(String key) {
    for (String known : KNOWN) {
      if (known.equalsIgnoreCase(key)) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  /** The fields of Sourcegraph's SMTPServerConfig, as its schema spells them. */
  public static final List<String> SMTP_FIELDS =
      List.of(
          "host",
          "port",
          "username",
          "password",
          "authentication",
          "domain",
          "noVerifyTLS",
          "additionalHeaders");

  /**
   * Go's encoding/json matches a JSON key to a struct field exactly or, failing that, with its case
   * folding (ASCII case, U+017F ſ as s, U+212A KELVIN SIGN as k): "Password" fills
   * SMTPServerConfig's Password. The field a key of email.smtp is decoded into, if any.
   */
  public static Optional<String> smtpField(String key) {
    for (String field : SMTP_FIELDS) {
      if (field.equals(key)) {
        return Optional.of(field);
      }
    }
    String folded = goFold(key);
    for (String field : SMTP_FIELDS) {
      if (goFold(field).equals(folded)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  static String goFold(String key) {
    return key.replace('\u017F', 's').replace('\u212A', 'k').toLowerCase(Locale.ROOT);
  }

  private static JsonValue.Obj effective(JsonValue.Obj written) {
    JsonValue.Obj top = topLevel(written);
    JsonValue.Member smtp = top.member(SMTP).orElse(null);
    if (smtp == null
        || !(smtp.value() instanceof JsonValue.Obj fields)
        || fieldsAsSpelled(fields)) {
      return top;
    }
    // Struct fields are filled in document order: a later key for the same field replaces an
    // earlier one.
    Map<String, JsonValue.Member> byField = new LinkedHashMap<>();
    for (JsonValue.Member m : fields.members()) {
      String field = smtpField(m.key()).orElse(m.key());
      byField.remove(field);
      byField.put(field, new JsonValue.Member(field, m.keyPosition(), m.keyEnd(), m.value()));
    }
    JsonValue.Obj folded =
        new JsonValue.Obj(
            fields.pointer(),
            fields.position(),
            fields.end(),
            fields.span(),
            List.copyOf(byField.values()));
    List<JsonValue.Member> members = new ArrayList<>();
    for (JsonValue.Member m : top.members()) {
      members.add(
          m == smtp ? new JsonValue.Member(m.key(), m.keyPosition(), m.keyEnd(), folded) : m);
    }
    return new JsonValue.Obj(
        top.pointer(), top.position(), top.end(), top.span(), List.copyOf(members));
  }

  /**
   * Whether every key of email.smtp is a field's exact spelling or no field's at all (the common
   * case).
   */
  private static boolean fieldsAsSpelled(JsonValue.Obj fields) {
    for (JsonValue.Member m : fields.members()) {
      Optional<String> field = smtpField(m.key());
      if (field.isPresent() && !field.get().equals(m.key())) {
        return false;
      }
    }
    return true;
  }

  private static JsonValue.Obj topLevel(JsonValue.Obj written) {
    if (spelledAsKnown(written)) {
      return written;
    }
    Map<String, JsonValue.Member> byKey = new LinkedHashMap<>();
    List<JsonValue.Member> sorted = new ArrayList<>(written.members());
    sorted.sort(BY_KEY_BYTES);
    for (JsonValue.Member m : sorted) {
      String key = knownSetting(m.key()).orElse(m.key());
      JsonValue.Member earlier = byKey.get(key);
      JsonValue value =
          earlier != null
                  && earlier.value() instanceof JsonValue.Obj a
                  && m.value() instanceof JsonValue.Obj b
              ? merge(a, b)
              : m.value();
      byKey.put(key, new JsonValue.Member(key, m.keyPosition(), m.keyEnd(), value));
    }
    return new JsonValue.Obj(
        written.pointer(),
        written.position(),
        written.end(),
        written.span(),
        List.copyOf(byKey.values()));
  }

  /**
   * Whether every key that is a known setting ignoring case is spelt exactly so (the common case:
   * nothing to merge).
   */
  private static boolean spelledAsKnown(JsonValue.Obj written) {
    for (JsonValue.Member m : written.members()) {
      Optional<String> known = knownSetting(m.key());
      if (known.isPresent() && !known.get().equals(m.key())) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code later} decoded into the struct {@code earlier} filled: its fields replace, the others
   * stay.
   */
  private static JsonValue.Obj merge(JsonValue.Obj earlier, JsonValue.Obj later) {
    Map<String, JsonValue.Member> fields = new LinkedHashMap<>();
    for (JsonValue.Member m : earlier.members()) {
      fields.put(m.key(), m);
    }
    for (JsonValue.Member m : later.members()) {
      fields.put(m.key(), m);
    }
    return new JsonValue.Obj(
        later.pointer(), later.position(), later.end(), later.span(), List.copyOf(fields.values()));
  }

  /** No lambda on the lint path (LambdaFreeTest). */
  private static final Comparator<JsonValue.Member> BY_KEY_BYTES =
      new Comparator<>() {
        @Override
        public int compare(JsonValue.Member a, JsonValue.Member b) {
          return compareBytes(a.key(), b.key());
        }
      };

  /**
   * Go compares strings by their UTF-8 bytes; for the BMP outside surrogates that is code-point
   * order.
   */
  private static int compareBytes(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
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
    Optional<JsonValue.Str> value = smtpString(key);
    return value.isPresent() ? value.get().value() : "";
  }

  public Optional<JsonValue.Obj> smtp() {
    return root.object(SMTP);
  }

  public Optional<JsonValue.Str> smtpString(String key) {
    Optional<JsonValue.Obj> smtp = smtp();
    return smtp.isPresent() ? smtp.get().string(key) : Optional.empty();
  }

  /** A setting of email.smtp, whatever its type. */
  public Optional<JsonValue> smtpValue(String key) {
    Optional<JsonValue.Obj> smtp = smtp();
    return smtp.isPresent() ? smtp.get().get(key) : Optional.empty();
  }

  public Optional<String> host() {
    return valueOf(smtpString("host"));
  }

  /** A string setting's text. */
  private static Optional<String> valueOf(Optional<JsonValue.Str> setting) {
    return setting.isPresent() ? Optional.of(setting.get().value()) : Optional.empty();
  }

  /**
   * The port when Go can decode it into an {@code int} (an integer literal: {@code 587.0} is not
   * one, see number-not-integer); anything else is left to that rule and the schema.
   */
  public Optional<JsonValue.Num> port() {
    return smtpValue("port").orElse(null) instanceof JsonValue.Num n && n.isIntegerLiteral()
        ? Optional.of(n)
        : Optional.empty();
  }

  public Optional<Integer> portNumber() {
    Optional<JsonValue.Num> port = port();
    if (port.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal d = port.get().decimal();
    return d.signum() > 0 && d.compareTo(BigDecimal.valueOf(65535)) <= 0
        ? Optional.of(d.intValue())
        : Optional.empty();
  }

  /** The authentication value exactly as written, when it is a string. */
  public Optional<String> authentication() {
    return valueOf(smtpString("authentication"));
  }

  public boolean authenticates() {
    String a = authentication().orElse("");
    return a.equals("PLAIN") || a.equals("CRAM-MD5");
  }

  /** The additionalHeaders entries that are objects. */
  public List<JsonValue.Obj> headers() {
    if (!(smtpValue("additionalHeaders").orElse(null) instanceof JsonValue.Arr a)) {
      return List.of();
    }
    List<JsonValue.Obj> out = new ArrayList<>();
    for (JsonValue item : a.items()) {
      if (item instanceof JsonValue.Obj o) {
        out.add(o);
      }
    }
    return List.copyOf(out);
  }

  /** Every string value under the email settings, for rules that look at all of them. */
  public List<JsonValue.Str> strings() {
    List<JsonValue.Str> out = new ArrayList<>();
    for (JsonValue.Member m : root.members()) {
      if (KNOWN.contains(m.key())) {
        collect(m.value(), out);
      }
    }
    return out;
  }

  private static void collect(JsonValue value, List<JsonValue.Str> out) {
    if (value instanceof JsonValue.Str s) {
      out.add(s);
    } else if (value instanceof JsonValue.Obj o) {
      for (JsonValue.Member m : o.members()) {
        collect(m.value(), out);
      }
    } else if (value instanceof JsonValue.Arr a) {
      for (JsonValue item : a.items()) {
        collect(item, out);
      }
    }
  }
}
