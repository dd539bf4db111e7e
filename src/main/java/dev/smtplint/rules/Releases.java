package dev.smtplint.rules;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourcegraphVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each Sourcegraph release does with the email settings (SPEC §9): the facts of {@code
 * releases.jsonc}, each with the release it arrived in and its source. A rule asks whether a fact
 * holds in the judged release: yes, no, or not certain (between "maybeSince" and "since").
 */
public final class Releases {
  private Releases() {}

  /** One fact: it holds from {@code since} on, perhaps from {@code maybeSince}. */
  public record Fact(
      String id,
      SourcegraphVersion since,
      Optional<SourcegraphVersion> maybeSince,
      String what,
      String source,
      String established) {
    /** "4.4", or "4.4 or 4.5" where the boundary is not certain. */
    public String arrival() {
      return maybeSince.isPresent()
          ? "between " + maybeSince.get() + " and " + since
          : since.toString();
    }
  }

  /** How a boundary was found: "tag", "changelog" or "inferred" (a window). */
  public static final java.util.Set<String> ESTABLISHED =
      java.util.Set.of("tag", "changelog", "inferred");

  /** Whether a fact holds in a release. */
  public enum Holds {
    YES,
    NO,
    UNSURE
  }

  private static final class Table {
    static final SourcegraphVersion OLDEST;
    static final SourcegraphVersion NEWEST;
    static final Map<String, Fact> FACTS = new LinkedHashMap<>();

    static {
      String text;
      try (InputStream in = Releases.class.getResourceAsStream("/dev/smtplint/releases.jsonc")) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JsonValue.Obj root =
          (JsonValue.Obj)
              JsoncReader.read(SourceFile.of("releases.jsonc", text)).root().orElseThrow();
      OLDEST = version(root, "oldest");
      NEWEST = version(root, "newest");
      for (JsonValue v : ((JsonValue.Arr) root.get("facts").orElseThrow()).items()) {
        JsonValue.Obj o = (JsonValue.Obj) v;
        Fact f =
            new Fact(
                o.string("id").orElseThrow().value(),
                version(o, "since"),
                o.string("maybeSince").isPresent()
                    ? Optional.of(version(o, "maybeSince"))
                    : Optional.empty(),
                o.string("what").orElseThrow().value(),
                o.string("source").orElseThrow().value(),
                o.string("established").orElseThrow().value());
        FACTS.put(f.id(), f);
      }
    }

    private static SourcegraphVersion version(JsonValue.Obj o, String key) {
      return SourcegraphVersion.parse(o.string(key).orElseThrow().value()).orElseThrow();
    }
  }

  /** The oldest release the table covers: an older one is a usage error. */
  public static SourcegraphVersion oldest() {
    return Table.OLDEST;
  }

  /** The newest behaviour the table knows (a newer release is judged as this one). */
  public static SourcegraphVersion newest() {
    return Table.NEWEST;
  }

  public static List<Fact> facts() {
    return List.copyOf(Table.FACTS.values());
  }

  public static Fact fact(String id) {
    Fact f = Table.FACTS.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no release fact " + id);
    }
    return f;
  }

  /**
   * What the release's schema accepts that today's does not (the pointers a schema violation is
   * then no finding at): disableTLS from 3.19 until it was removed (perhaps, where the table is not
   * certain: deprecated-setting says so).
   */
  public static java.util.Set<String> acceptedBeyondToday(Optional<SourcegraphVersion> release) {
    if (holds("disableTLS", release) == Holds.YES
        && holds("disableTLSRemoved", release) != Holds.YES) {
      return java.util.Set.of("/email.smtp/disableTLS");
    }
    return java.util.Set.of();
  }

  /** Whether a fact holds in the judged release (none: the newest, where every fact holds). */
  public static Holds holds(String id, Optional<SourcegraphVersion> release) {
    if (release.isEmpty()) {
      return Holds.YES;
    }
    Fact f = fact(id);
    SourcegraphVersion v = release.get();
    if (v.compareTo(f.since()) >= 0) {
      return Holds.YES;
    }
    return f.maybeSince().isPresent() && v.compareTo(f.maybeSince().get()) >= 0
        ? Holds.UNSURE
        : Holds.NO;
  }
}
