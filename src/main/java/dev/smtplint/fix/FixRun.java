package dev.smtplint.fix;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.smtplint.check.Fixes;
import dev.smtplint.check.Linter;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * --fix, --unsafe-fixes and --diff: fixes applied in memory until nothing changes (at most {@link
 * #MAX_PASSES} passes), the files linted again, then each changed file written atomically (a
 * temporary file beside it, renamed into place, its permissions kept) — or shown as a diff, or, for
 * standard input, written to standard output. Never through a symbolic link, never to a file that
 * is not an input, never over a file that changed since it was read.
 */
public final class FixRun {
  static final int MAX_PASSES = 10;

  /** A file a run changed: where it lives ({@code null}: standard input), as read, as fixed. */
  public record Changed(
      Path path,
      SourceFile before,
      SourceFile after,
      int fixes,
      List<Span> secretsBefore,
      List<Span> secretsAfter,
      Optional<FileResult> asRead) {
    public Changed(Path path, SourceFile before, SourceFile after, int fixes) {
      this(path, before, after, fixes, List.of(), List.of(), Optional.empty());
    }
  }

  private final boolean unsafe;

  /** --fix (files are written), not --diff (nothing is). */
  private final boolean writes;

  private final List<Changed> changed = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  public FixRun(boolean unsafe, boolean writes) {
    this.unsafe = unsafe;
    this.writes = writes;
  }

  /**
   * The judged files after fixing: {@code paths} are the files' places, one per source, in order
   * ({@code null} for standard input); {@code absent}: files of a SITE_CONFIG_FILE list that are
   * not here.
   */
  public Linter.Judged fix(
      Linter linter, List<SourceFile> sources, List<Path> paths, List<String> absent) {
    // A file that cannot be written is not fixed at all, so that the report shows it as it is.
    for (int i = 0; i < paths.size(); i++) {
      Optional<String> unsafe =
          paths.get(i) == null || !writes ? Optional.empty() : unwritable(paths.get(i));
      if (unsafe.isPresent()) {
        refused.add(sources.get(i).path() + ": not fixed: " + unsafe.get());
        return linter.checkMerged(sources, absent);
      }
    }
    List<SourceFile> current = new ArrayList<>(sources);
    int[] applied = new int[sources.size()];
    Linter.Judged judged = linter.checkMerged(current, absent);
    Linter.Judged first = judged;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean any = false;
      for (int i = 0; i < current.size(); i++) {
        String path = current.get(i).path();
        List<Fix> fixes =
            judged.results().stream()
                .filter(r -> r.path().equals(path))
                .flatMap(r -> r.findings().stream())
                .map(Finding::fix)
                .flatMap(Optional::stream)
                .filter(f -> unsafe || f.safety() == Fix.Safety.SAFE)
                .toList();
        if (fixes.isEmpty()) {
          continue;
        }
        String fixed = Fixes.apply(current.get(i).text(), fixes);
        if (!fixed.equals(current.get(i).text())) {
          current.set(i, current.get(i).withText(fixed));
          applied[i] += fixes.size();
          any = true;
        }
      }
      if (!any) {
        break;
      }
      judged = linter.checkMerged(current, absent);
    }
    for (int i = 0; i < current.size(); i++) {
      if (!current.get(i).text().equals(sources.get(i).text())) {
        changed.add(
            new Changed(
                paths.get(i),
                sources.get(i),
                current.get(i),
                applied[i],
                secrets(first, sources.get(i).path()),
                secrets(judged, current.get(i).path()),
                asRead(first, sources.get(i).path())));
      }
    }
    return judged;
  }

  /**
   * The changes to these sources (site configs inside YAML values), taken out of the run: the
   * manifest reader writes them back into their YAML files ({@link #add}).
   */
  public List<Changed> take(Set<String> names) {
    List<Changed> out = new ArrayList<>();
    for (Changed c : changed) {
      if (names.contains(c.before().path())) {
        out.add(c);
      }
    }
    changed.removeAll(out);
    return out;
  }

  /**
   * Whether a file (a YAML file whose blocks a fix would change) may be written under --fix; if
   * not, why is said once and the run exits 2.
   */
  public boolean writable(Path path, String shown) {
    Optional<String> why = writes ? unwritable(path) : Optional.empty();
    if (why.isPresent()) {
      refuse(shown + ": not fixed: " + why.get());
    }
    return why.isEmpty();
  }

  /** A fix that is not written (said on standard error; exit 2). */
  public void refuse(String why) {
    if (!refused.contains(why)) {
      refused.add(why);
    }
  }

  /** A file changed outside {@link #fix} (a YAML file whose block scalars were fixed). */
  public void add(Changed c) {
    changed.add(c);
  }

  /** The file's findings as it is on disk: its report when the fixed text cannot be written. */
  private static Optional<FileResult> asRead(Linter.Judged judged, String path) {
    for (FileResult r : judged.results()) {
      if (r.path().equals(path)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static List<Span> secrets(Linter.Judged judged, String path) {
    Optional<FileResult> result = asRead(judged, path);
    return result.isPresent() ? result.get().masked() : List.of();
  }

  public List<Changed> changed() {
    return List.copyOf(changed);
  }

  /**
   * The changed files in the order of the report (the inputs' order): a batch fixes its files on
   * all cores, so they were recorded as each finished, and --diff over 100 files came out in
   * another order on each run.
   */
  public void inReportOrder(List<FileResult> results) {
    Map<String, Integer> place = new HashMap<>();
    for (FileResult r : results) {
      place.putIfAbsent(r.path(), place.size());
    }
    List<Changed> sorted = new ArrayList<>(changed);
    sorted.sort(
        (a, b) ->
            Integer.compare(
                place.getOrDefault(a.before().path(), Integer.MAX_VALUE),
                place.getOrDefault(b.before().path(), Integer.MAX_VALUE)));
    changed.clear();
    changed.addAll(sorted);
  }

  /** What --diff would fix, for standard error: "would fix 3 problems in 1 file". */
  public String wouldFix() {
    int fixes = 0;
    for (Changed c : changed) {
      fixes += c.fixes();
    }
    return "would fix "
        + fixes
        + (fixes == 1 ? " problem" : " problems")
        + " in "
        + changed.size()
        + (changed.size() == 1 ? " file" : " files");
  }

  /** A unified diff of every changed file, as `diff -u` writes it. */
  public String diff() {
    StringBuilder out = new StringBuilder();
    for (Changed c : changed) {
      // The diff shows lines, and a line may hold a password: secrets are masked on both sides.
      List<String> before = lines(masked(c.before().text(), c.secretsBefore()));
      List<String> after = lines(masked(c.after().text(), c.secretsAfter()));
      Patch<String> patch = LineDiff.diff(before, after);
      String name =
          Redaction.printable(
              c.before().path()); // a file name may hold a line break: no forged log line
      for (String line : UnifiedDiffUtils.generateUnifiedDiff(name, name, before, patch, 3)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String masked(String text, List<Span> secrets) {
    List<Span> sorted = new ArrayList<>(secrets);
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span s : sorted) {
      if (s.start() < at || s.end() > text.length()) {
        continue;
      }
      out.append(text, at, s.start()).append(Redaction.MASK);
      at = s.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /**
   * The lines of a text as diff counts them: a final line end ends the last line, it does not start
   * another.
   */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    // Shown on a terminal or in a CI log: a CR line end is dropped, any other control character
    // escaped.
    out.replaceAll(l -> Redaction.printable(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l));
    return out;
  }

  /** Why a file was not written (exit 2), or nothing when it was. */
  public static Optional<String> write(Changed c) {
    Path target = c.path().toAbsolutePath();
    String shown = c.before().path();
    Optional<String> unsafe = unwritable(c.path());
    if (unsafe.isPresent()) {
      return Optional.of(shown + ": not fixed: " + unsafe.get());
    }
    try {
      // Compared once, right before the rename (after the new file is written): a change at any
      // time
      // since the read is refused there, so no earlier read of the whole file is needed.
      AtomicFiles.replace(
          target,
          c.after().bytes(),
          true,
          true,
          new AtomicFiles.Precondition() {
            @Override
            public void check() throws IOException {
              if (!unchanged(target, c.before().bytes())) {
                throw new ChangedException();
              }
            }
          });
      return Optional.empty();
    } catch (ChangedException e) {
      return Optional.of(shown + ": not fixed: it changed since smtplint read it; run again");
    } catch (AtomicFiles.NotKeptException e) {
      return Optional.of(shown + ": not fixed: " + e.getMessage());
    } catch (NoSuchFileException e) {
      return Optional.of(shown + ": not fixed: it is no longer there");
    } catch (IOException e) {
      return Optional.of(shown + ": not fixed: it could not be written");
    }
  }

  /** The file was changed by someone else between smtplint's read and its rename. */
  private static final class ChangedException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Whether the file on disk still holds exactly the bytes that were read. */
  private static boolean unchanged(Path target, byte[] read) throws IOException {
    byte[] now;
    try (InputStream in = Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS)) {
      now = in.readNBytes(read.length + 1);
    }
    return Arrays.equals(now, read);
  }

  /**
   * Why a file may not be replaced, checked before anything is fixed so that the report shows such
   * a file as it is: a link (at the name or at any directory above it: SPEC §8 writes through
   * none), not a regular file, read-only for its owner (0444), or in a directory smtplint cannot
   * write.
   */
  public static Optional<String> unwritable(Path file) {
    Path target = file.toAbsolutePath().normalize();
    try {
      if (Files.isSymbolicLink(target)) {
        return Optional.of("it is a symbolic link, and smtplint never writes through one");
      }
      if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(
            Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                ? "it is not a regular file"
                : "it is no longer there");
      }
      Path parent = target.getParent();
      if (!parent.toRealPath().equals(parent)) {
        return Optional.of(
            "a directory on its path is a symbolic link, and smtplint never writes through one");
      }
      int mode = (Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if ((mode & 0200) == 0) {
        return Optional.of(
            "it is read-only (mode "
                + Integer.toOctalString(mode & 07777)
                + "); make it writable to fix it");
      }
      if (!Files.isWritable(parent)) {
        return Optional.of("its directory cannot be written");
      }
      return Optional.empty();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.of("it could not be examined");
    }
  }

  /**
   * What writing the fixes came to: whether a file was refused (the run exits 2); whether standard
   * output got fixed text; the report of each file that was not written, as it is on disk (by its
   * shown path).
   */
  public record Committed(
      boolean refused, boolean wroteStandardOutput, Map<String, FileResult> unwritten) {}

  /**
   * Writes the fixed files (standard input's fixed text goes to standard output, so the report goes
   * to standard error); a file that cannot be written safely is a line on stderr and exit 2.
   */
  public Committed commit(java.io.PrintWriter out, java.util.function.Consumer<String> complain) {
    boolean refusedAny = false;
    int fixed = 0;
    int files = 0;
    boolean standardOutput = false;
    Map<String, FileResult> unwritten = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (String refusal : refused) {
      complain.accept(refusal);
      refusedAny = true;
    }
    for (Changed c : changed) {
      if (c.path() == null) {
        out.print(c.after().text());
        standardOutput = true;
        continue;
      }
      Optional<String> refusal = write(c);
      if (refusal.isPresent()) {
        complain.accept(refusal.get());
        refusedAny = true;
        c.asRead().ifPresent(r -> unwritten.put(r.path(), r));
      } else {
        fixed += c.fixes();
        files++;
        names.add(c.before().path()); // said by name: a list's git-ignored member is fixed too
      }
    }
    if (files > 0) {
      complain.accept(
          "fixed "
              + fixed
              + (fixed == 1 ? " problem" : " problems")
              + " in "
              + (files <= 10
                  ? String.join(", ", names)
                  : files + " files (" + String.join(", ", names.subList(0, 10)) + ", …)"));
    }
    return new Committed(refusedAny, standardOutput, unwritten);
  }
}
