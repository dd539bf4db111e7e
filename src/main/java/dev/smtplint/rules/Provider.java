package dev.smtplint.rules;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An SMTP provider recognised by host name, with what it documents: ports, AUTH mechanisms, and the
 * facts particular rules read (a fixed username, whether mail goes out as the login account, ...).
 * Every provider fact is data ({@code providers.jsonc}, each entry with its source), read once with
 * smtplint's own reader: adding a provider is an edit of that file.
 */
record Provider(
    String id,
    String name,
    HostNames host,
    Set<Integer> ports,
    Optional<Set<String>> mechanisms,
    String source,
    Optional<String> username,
    boolean sendsAsLogin,
    boolean requiresHeloDomain,
    Optional<String> basicAuthRetirement,
    List<String> regions,
    Optional<HostNames> apiHost,
    Optional<Lookalike> lookalike) {

  /**
   * Names that someone meant as this provider: a suffix and one of some words ("email", "smtp").
   */
  record Lookalike(String suffix, List<String> words) {
    boolean matches(String host) {
      if (!host.endsWith(suffix)) {
        return false;
      }
      for (String word : words) {
        if (host.contains(word)) {
          return true;
        }
      }
      return false;
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
    if (h.length() <= MAX_HOST) {
      for (Provider p : Table.ALL) {
        if (p.host().matches(h)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static final Memo<Optional<Provider>> BY_HOST =
      new Memo<>() {
        @Override
        Optional<Provider> compute(String host) {
          return forHost(host);
        }
      };

  /** The provider of the settings' host, if it is one smtplint knows. */
  static Optional<Provider> of(EmailSettings s) {
    String host = s.host().orElse(null);
    return host == null ? Optional.empty() : BY_HOST.get(host);
  }

  /** The region a host name's {region} stands for, when the provider lists it. */
  Optional<String> region(String host) {
    String h = Hosts.normalise(host);
    if (h.length() > MAX_HOST) {
      return Optional.empty();
    }
    String region = host().matched(h);
    return region != null && regions.contains(region) ? Optional.of(region) : Optional.empty();
  }

  private static List<Provider> load() {
    String text;
    try (InputStream in = Provider.class.getResourceAsStream("/dev/smtplint/providers.jsonc")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonValue.Obj root =
        (JsonValue.Obj)
            JsoncReader.read(SourceFile.of("providers.jsonc", text)).root().orElseThrow();
    JsonValue.Arr entries = (JsonValue.Arr) root.get("providers").orElseThrow();
    List<Provider> out = new ArrayList<>();
    for (JsonValue entry : entries.items()) {
      out.add(of((JsonValue.Obj) entry));
    }
    return List.copyOf(out);
  }

  /**
   * One entry of providers.jsonc (read on every run that has a host: written without lambdas, which
   * cost a link each).
   */
  private static Provider of(JsonValue.Obj o) {
    Set<Integer> ports = new HashSet<>();
    for (JsonValue port : ((JsonValue.Arr) o.get("ports").orElseThrow()).items()) {
      ports.add(((JsonValue.Num) port).decimal().intValue());
    }
    JsonValue mechanisms = o.get("mechanisms").orElse(null);
    JsonValue.Obj lookalike = (JsonValue.Obj) o.get("lookalike").orElse(null);
    JsonValue regions = o.get("regions").orElse(null);
    JsonValue apiHosts = o.get("apiHosts").orElse(null);
    return new Provider(
        text(o, "id"),
        text(o, "name"),
        new HostNames(strings(o.get("hosts").orElseThrow())),
        Set.copyOf(ports),
        mechanisms instanceof JsonValue.Arr
            ? Optional.of(Set.copyOf(strings(mechanisms)))
            : Optional.empty(),
        text(o, "source"),
        optionalText(o, "username"),
        flag(o, "sendsAsLogin"),
        flag(o, "requiresHeloDomain"),
        optionalText(o, "basicAuthRetirement"),
        regions == null ? List.of() : strings(regions),
        apiHosts == null ? Optional.empty() : Optional.of(new HostNames(strings(apiHosts))),
        lookalike == null
            ? Optional.empty()
            : Optional.of(
                new Lookalike(
                    text(lookalike, "suffix"), strings(lookalike.get("words").orElseThrow()))));
  }

  private static List<String> strings(JsonValue array) {
    List<String> out = new ArrayList<>();
    for (JsonValue item : ((JsonValue.Arr) array).items()) {
      out.add(((JsonValue.Str) item).value());
    }
    return List.copyOf(out);
  }

  private static boolean flag(JsonValue.Obj o, String key) {
    return o.get(key).orElse(null) instanceof JsonValue.Bool b && b.value();
  }

  private static Optional<String> optionalText(JsonValue.Obj o, String key) {
    JsonValue.Str value = o.string(key).orElse(null);
    return value == null ? Optional.empty() : Optional.of(value.value());
  }

  private static String text(JsonValue.Obj o, String key) {
    return o.string(key).orElseThrow().value();
  }
}
