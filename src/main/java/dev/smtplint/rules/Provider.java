package dev.smtplint.rules;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An SMTP provider recognised by host name, with what it documents: ports, AUTH mechanisms, and the
 * facts particular rules read (a fixed username, whether mail goes out as the login account, ...).
 * Every provider fact is data ({@code providers.jsonc}, each entry with its source), read once with
 * smtplint's own reader: adding a provider is an edit of that file.
 */
record Provider(String id, String name, Pattern host, Set<Integer> ports, Optional<Set<String>> mechanisms, String source,
    Optional<String> username, boolean sendsAsLogin, boolean requiresHeloDomain, Optional<String> basicAuthRetirement,
    List<String> regions, Optional<Pattern> apiHost, Optional<Lookalike> lookalike) {

  /** Names that someone meant as this provider: a suffix and one of some words ("email", "smtp"). */
  record Lookalike(String suffix, List<String> words) {
    boolean matches(String host) {
      return host.endsWith(suffix) && words.stream().anyMatch(host::contains);
    }
  }

  /** No host name is longer (RFC 1035); a longer value is not matched against any pattern. */
  private static final int MAX_HOST = 253;

  private static final class Table {
    static final List<Provider> ALL = load();
  }

  static List<Provider> all() {
    return Table.ALL;
  }

  static Optional<Provider> forHost(String host) {
    String h = Hosts.normalise(host);
    return h.length() > MAX_HOST ? Optional.empty() : Table.ALL.stream().filter(p -> p.host().matcher(h).matches()).findFirst();
  }

  /** The region a host pattern's named group "region" captures, when the provider lists it. */
  Optional<String> region(String host) {
    String h = Hosts.normalise(host);
    if (h.length() > MAX_HOST) {
      return Optional.empty();
    }
    Matcher m = host().matcher(h);
    return m.matches() && host().pattern().contains("(?<region>") && regions.contains(m.group("region"))
        ? Optional.of(m.group("region")) : Optional.empty();
  }

  private static List<Provider> load() {
    String text;
    try (InputStream in = Provider.class.getResourceAsStream("/dev/smtplint/providers.jsonc")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonValue.Obj root = (JsonValue.Obj) JsoncReader.read(SourceFile.of("providers.jsonc", text)).root().orElseThrow();
    JsonValue.Arr entries = (JsonValue.Arr) root.get("providers").orElseThrow();
    return entries.items().stream().map(v -> (JsonValue.Obj) v).map(Provider::of).toList();
  }

  private static Provider of(JsonValue.Obj o) {
    Set<Integer> ports = ((JsonValue.Arr) o.get("ports").orElseThrow()).items().stream()
        .map(v -> ((JsonValue.Num) v).decimal().intValue()).collect(Collectors.toUnmodifiableSet());
    Optional<Set<String>> mechanisms = o.get("mechanisms").filter(JsonValue.Arr.class::isInstance)
        .map(v -> Set.copyOf(strings(v)));
    Optional<Lookalike> lookalike = o.get("lookalike").map(v -> (JsonValue.Obj) v)
        .map(l -> new Lookalike(text(l, "suffix"), strings(l.get("words").orElseThrow())));
    return new Provider(text(o, "id"), text(o, "name"), Pattern.compile(text(o, "host")), ports, mechanisms, text(o, "source"),
        o.string("username").map(JsonValue.Str::value), flag(o, "sendsAsLogin"), flag(o, "requiresHeloDomain"),
        o.string("basicAuthRetirement").map(JsonValue.Str::value), o.get("regions").map(Provider::strings).orElse(List.of()),
        o.string("apiHost").map(s -> Pattern.compile(s.value())), lookalike);
  }

  private static List<String> strings(JsonValue array) {
    return ((JsonValue.Arr) array).items().stream().map(m -> ((JsonValue.Str) m).value()).toList();
  }

  private static boolean flag(JsonValue.Obj o, String key) {
    return o.get(key).filter(v -> v instanceof JsonValue.Bool b && b.value()).isPresent();
  }

  private static String text(JsonValue.Obj o, String key) {
    return o.string(key).orElseThrow().value();
  }
}
