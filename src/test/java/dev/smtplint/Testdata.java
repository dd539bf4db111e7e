package dev.smtplint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's testdata/ folder and the expectations written in its files. */
public final class Testdata {
  private static final Pattern EXPECT = Pattern.compile("^\\s*(?://|#)\\s*expect:\\s*(.+?)\\s*$");

  private Testdata() {}

  public static Path root() {
    return Path.of(System.getProperty("smtplint.root", ".")).resolve("testdata");
  }

  /** The single-file cases; testdata/merge/ holds halves of split configs, judged only merged. */
  public static List<Path> files() {
    try (Stream<Path> walk = Files.walk(root())) {
      return walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonc"))
          .filter(p -> !p.startsWith(root().resolve("merge")))
          .filter(p -> !p.startsWith(root().resolve("deploy")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * testdata/deploy/: one directory per deployment shape (Kubernetes, compose, rendered Helm,
   * kustomize, unrelated YAML), each linted as a whole; every file in it, YAML or JSON, with the
   * findings it expects ("# expect:" in YAML).
   */
  public static List<Path> deployments() {
    try (Stream<Path> list = Files.list(root().resolve("deploy"))) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The release a testdata file is judged for, from a first line "// judged for Sourcegraph 3.21"
   * (none: the newest).
   */
  public static java.util.Optional<String> release(List<String> lines) {
    Matcher m =
        Pattern.compile("^// judged for Sourcegraph (\\S+)")
            .matcher(lines.isEmpty() ? "" : lines.get(0));
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** One expected finding: a rule on a line, at a column when the file names one (0: any). */
  public record Expected(String rule, int line, int column) {
    public boolean matches(String rule, int line, int column) {
      return this.rule.equals(rule)
          && this.line == line
          && (this.column == 0 || this.column == column);
    }
  }

  /**
   * Reads the "// expect: RULE[@COL], ..." comments; each applies to the next line that is not one.
   */
  public static List<Expected> expectations(List<String> lines) {
    List<Expected> out = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.matches()) {
        for (String part : m.group(1).split(",")) {
          pending.add(part.strip());
        }
        continue;
      }
      for (String p : pending) {
        String[] ruleAndColumn = p.split("@");
        out.add(
            new Expected(
                ruleAndColumn[0],
                i + 1,
                ruleAndColumn.length > 1 ? Integer.parseInt(ruleAndColumn[1]) : 0));
      }
      pending.clear();
    }
    return out;
  }
}
