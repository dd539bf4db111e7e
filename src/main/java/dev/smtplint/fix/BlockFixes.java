package dev.smtplint.fix;

import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import dev.smtplint.manifest.Embedded;
import dev.smtplint.manifest.Manifest;
import dev.smtplint.manifest.Placement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixes of site configs held in YAML literal blocks, written back into their YAML files (SPEC §8):
 * each fixed config replaces its block's lines, every line indented as the block was, the block's
 * style, chomping and every byte outside it kept; the YAML is read again to confirm the value is
 * exactly the fixed config, or the file is not fixed and says why.
 */
public final class BlockFixes {
  /** A config's fixed text, and how many fixes made it. */
  private record Fixed(Embedded config, String text, int fixes) {}

  /** A YAML file as fixed, and what no output may show of it (masks of the text as printed). */
  public record Written(SourceFile text, List<Span> secrets) {}

  private final Map<SourceFile, Map<Embedded, Fixed>> byYaml = new LinkedHashMap<>();
  private final Map<String, Written> written = new LinkedHashMap<>();
  private final List<String> refused = new ArrayList<>();

  /** A fixed config (the first fixing wins where two lists share it). */
  public synchronized void add(Embedded config, String fixed, int fixes) {
    byYaml
        .computeIfAbsent(config.yaml(), y -> new IdentityHashMap<>())
        .putIfAbsent(config, new Fixed(config, fixed, fixes));
  }

  /**
   * The changed YAML files ({@code pathOf}: where each lives; none for standard input), or, for a
   * file the YAML reader does not read back as fixed, why it is not fixed.
   */
  public synchronized void commit(
      FixRun fixRun, Map<String, Path> pathOf, Map<SourceFile, List<Span>> secrets) {
    for (Map.Entry<SourceFile, Map<Embedded, Fixed>> e : byYaml.entrySet()) {
      SourceFile yaml = e.getKey();
      List<Fixed> fixed = new ArrayList<>(e.getValue().values());
      // From the bottom up, so that each block's offsets still hold.
      fixed.sort(
          (a, b) -> Integer.compare(block(b.config()).firstLine(), block(a.config()).firstLine()));
      String text = yaml.text();
      int fixes = 0;
      for (Fixed f : fixed) {
        Optional<String> replaced = replaceBlock(text, yaml, f);
        if (replaced.isEmpty()) {
          fixRun.refuse(
              yaml.path()
                  + ": not fixed: "
                  + f.config().label()
                  + ": the fixed config's first line would start with a space, which"
                  + " changes how YAML reads the block's indentation");
          text = null;
          refused.add(yaml.path());
          break;
        }
        text = replaced.get();
        fixes += f.fixes();
      }
      if (text == null) {
        continue;
      }
      SourceFile after = yaml.withText(text);
      Manifest reread;
      try {
        reread = readBack(after, fixed);
      } catch (NotReadBack why) {
        fixRun.refuse(yaml.path() + ": not fixed: " + why.getMessage());
        refused.add(yaml.path());
        continue;
      }
      fixRun.add(
          new FixRun.Changed(
              pathOf.get(yaml.path()),
              yaml,
              after,
              fixes,
              secrets.getOrDefault(yaml, List.of()),
              reread.secrets(),
              Optional.empty()));
      written.put(yaml.path(), new Written(after, reread.secrets()));
    }
  }

  /** The YAML files as fixed, by name (what the report quotes after the fixes). */
  public synchronized Map<String, Written> written() {
    return Map.copyOf(written);
  }

  /** The YAML files whose fixes could not be written back (the report shows them as read). */
  public synchronized List<String> refused() {
    return List.copyOf(refused);
  }

  private static Placement.Block block(Embedded config) {
    return (Placement.Block) config.placement();
  }

  /** The lines of a text, without the final line break's empty remainder. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static Optional<String> replaceBlock(String text, SourceFile yaml, Fixed f) {
    Placement.Block b = block(f.config());
    List<String> old = lines(f.config().source().text());
    List<String> now = lines(f.text());
    for (String line : now) {
      if (!line.isBlank()) {
        if (line.startsWith(" ") || line.startsWith("\t")) {
          return Optional.empty();
        }
        break;
      }
    }
    int start = yaml.lineStart(b.firstLine());
    int end = yaml.lineStart(b.firstLine() + old.size());
    boolean crlf = end >= 2 && text.startsWith("\r\n", end - 2);
    String eol = crlf ? "\r\n" : "\n";
    String indent = " ".repeat(b.indent());
    StringBuilder region = new StringBuilder();
    for (String line : now) {
      region.append(line.isEmpty() ? "" : indent + line).append(eol);
    }
    return Optional.of(
        text.substring(0, start) + region + text.substring(Math.min(end, text.length())));
  }

  /** Why the fixed YAML does not read back as the fixed configs. */
  private static final class NotReadBack extends Exception {
    private static final long serialVersionUID = 1L;

    NotReadBack(String why) {
      super(why);
    }
  }

  /** The fixed YAML as read, once it is confirmed to hold exactly the fixed configs. */
  private static Manifest readBack(SourceFile after, List<Fixed> fixed) throws NotReadBack {
    Manifest read;
    try {
      read = Manifest.read(after);
    } catch (Manifest.Unreadable e) {
      throw new NotReadBack("the fixed YAML would not read (" + e.getMessage() + ")");
    }
    for (Fixed f : fixed) {
      Embedded same = null;
      for (Embedded e : read.configs()) {
        if (e.object().equals(f.config().object())
            && e.key().equals(f.config().key())
            && e.source().text().equals(f.text())
            && e.placement() instanceof Placement.Block) {
          same = e;
        }
      }
      if (same == null) {
        throw new NotReadBack(f.config().label() + " would not read back as the fixed config");
      }
    }
    return read;
  }
}
