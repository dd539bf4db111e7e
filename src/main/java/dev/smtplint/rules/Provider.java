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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An SMTP provider recognised by host name, with the ports and mechanisms it documents. The
 * facts are data ({@code providers.jsonc}, each with its source), read once with smtplint's own reader.
 */
record Provider(String id, String name, Pattern host, Set<Integer> ports, Optional<Set<String>> mechanisms, String source) {

  private static final class Table {
    static final List<Provider> ALL = load();
  }

  static Optional<Provider> forHost(String host) {
    String h = Hosts.normalise(host);
    return Table.ALL.stream().filter(p -> p.host().matcher(h).matches()).findFirst();
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
        .map(v -> ((JsonValue.Arr) v).items().stream().map(m -> ((JsonValue.Str) m).value())
            .collect(Collectors.toUnmodifiableSet()));
    return new Provider(text(o, "id"), text(o, "name"), Pattern.compile(text(o, "host")), ports, mechanisms, text(o, "source"));
  }

  private static String text(JsonValue.Obj o, String key) {
    return o.string(key).orElseThrow().value();
  }
}
