package dev.smtplint.check;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Whether a file is headed for version control: inside a git work tree and not ignored there. Asked
 * only when a rule needs the answer (it starts git), and "yes" whenever git cannot tell.
 *
 * <p>One per run: what it learns about a directory (inside a work tree or not, which of its files
 * git ignores) is asked once and kept, so a batch of 2,000 files in one directory starts git once,
 * not 2,000 times (3.8 s → 0.5 s for bench/'s batch inside a repository).
 */
public final class VersionControl implements Predicate<String> {
  /**
   * Larger than any real listing of one directory's ignored files; past it, git is asked per file.
   */
  private static final int MAX_LISTING = 4 << 20;

  private final ConcurrentHashMap<String, Optional<Path>> directories = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Path, Boolean> insideWorkTree = new ConcurrentHashMap<>();

  /** A directory as a path spells it, and where it is. */
  private record Spelt(String spelt, Optional<Path> dir) {}

  /** The directory last asked about (immutable: any thread may read it). */
  private volatile Spelt lastSpelt;

  /** Per directory, the names of its files git ignores; absent from the map: not asked yet. */
  private final ConcurrentHashMap<Path, Listing> ignored = new ConcurrentHashMap<>();

  /**
   * What git listed for one directory: the names it ignores; or, {@code names} empty, that git
   * failed there (every file headed, as when check-ignore fails), or with {@code askEach}, that the
   * listing was too long to keep.
   */
  private record Listing(Optional<Set<String>> names, boolean askEach) {}

  @Override
  public boolean test(String path) {
    // Unnamed standard input is never assumed headed for version control (SPEC §2); the file
    // --stdin-filename names is asked about instead, there or not.
    if (path.equals("-")) {
      return false;
    }
    if (!Files.exists(Path.of(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return headedAbsent(path);
    }
    return inWorkTree(path, true);
  }

  /** Whether git ignores an existing file (false outside a work tree): a walk skips it. */
  public boolean ignores(String path) {
    return !path.equals("-") && inWorkTree(path, false);
  }

  /** Inside a work tree and, as {@code headed} asks, headed for version control or ignored. */
  private boolean inWorkTree(String path, boolean headed) {
    // The directory as the path spells it ("configs/"), resolved once per run, not once per file.
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf(File.separatorChar));
    int n = path.length() - slash - 1;
    if (n == 0
        || n <= 2 && path.charAt(slash + 1) == '.' && (n == 1 || path.charAt(slash + 2) == '.')) {
      return dotted(path, headed);
    }
    // A walk asks for its files directory by directory: the last directory is compared in place
    // (no copy of its spelling, no hash), the others looked up.
    Spelt last = lastSpelt;
    Optional<Path> dir =
        last != null
                && last.spelt().length() == slash + 1
                && path.regionMatches(0, last.spelt(), 0, slash + 1)
            ? last.dir()
            : directory(path.substring(0, slash + 1));
    return dir.isPresent()
        && insideWorkTree(dir.get())
        && headed(dir.get(), path.substring(slash + 1)) == headed;
  }

  /** A directory as spelt ("configs/"), resolved once per run. */
  private Optional<Path> directory(String spelt) {
    Optional<Path> dir = directories.get(spelt);
    if (dir == null) {
      dir = Optional.of(Path.of(spelt).toAbsolutePath().normalize());
      directories.put(spelt, dir);
    }
    lastSpelt = new Spelt(spelt, dir);
    return dir;
  }

  /** A path that ends in "." or ".." (or "/"): resolved first, apart from the common case. */
  private boolean dotted(String path, boolean headed) {
    Path file = Path.of(path).toAbsolutePath().normalize();
    Path dir = file.getParent();
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return dir != null && insideWorkTree(dir) && headed(dir, name) == headed;
  }

  /**
   * Whether git ignores a path that is not there (a secrets file absent from this clone): asked of
   * git in the nearest directory that exists, inside a work tree; false outside one or when git
   * cannot tell.
   */
  public boolean ignoresAbsent(String path) {
    return absent(path, true);
  }

  /** Whether git would take a path that is not there (inside a work tree, not ignored). */
  private boolean headedAbsent(String path) {
    return absent(path, false);
  }

  /**
   * Inside a work tree and, as {@code ignored} asks, ignored or not: a path that is not there,
   * asked of git in the nearest directory that exists.
   */
  private boolean absent(String path, boolean ignored) {
    Path file = Path.of(path).toAbsolutePath().normalize();
    Path dir = file.getParent();
    while (dir != null && !Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    return dir != null
        && insideWorkTree(dir)
        && checkIgnore(dir, dir.relativize(file).toString()) == ignored;
  }

  /** Whether git would take a file of a directory inside a work tree. */
  private boolean headed(Path dir, String name) {
    Listing listing = ignored.get(dir);
    if (listing == null) {
      listing = listIgnored(dir);
      Listing raced = ignored.putIfAbsent(dir, listing);
      listing = raced == null ? listing : raced;
    }
    if (listing.names().isEmpty() && !listing.askEach()) {
      return true;
    }
    // A name that is not plain ASCII is asked about alone: the listing's bytes and the JDK's file
    // name
    // might decode differently.
    if (listing.names().isPresent() && isAscii(name)) {
      return !listing.names().get().contains(name);
    }
    return !checkIgnore(dir, name);
  }

  private boolean insideWorkTree(Path dir) {
    Boolean known = insideWorkTree.get(dir);
    if (known != null) {
      return known;
    }
    Path parent = dir.getParent();
    boolean inside =
        Files.exists(dir.resolve(".git")) || (parent != null && insideWorkTree(parent));
    insideWorkTree.put(dir, inside);
    return inside;
  }

  /**
   * The files directly in {@code dir} that git ignores, as {@code git check-ignore} would answer
   * for each (tracked files are never listed, as check-ignore never reports them).
   */
  private static Listing listIgnored(Path dir) {
    Git out =
        git(
            dir,
            List.of(
                "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--", ":(glob)*"));
    if (!out.succeeded()) {
      return new Listing(Optional.empty(), out.tooLong());
    }
    Set<String> names = new HashSet<>();
    byte[] bytes = out.output();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        names.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return new Listing(Optional.of(names), false);
  }

  /**
   * Whether git ignores one file: "no" (so headed for version control) whenever git cannot tell.
   */
  private static boolean checkIgnore(Path dir, String name) {
    return git(dir, List.of("check-ignore", "-q", "--", name)).succeeded(); // exit 0: ignored
  }

  /**
   * How a git command ended: exit 0 within five seconds, with its output (null when too long to
   * keep).
   */
  private record Git(boolean succeeded, byte[] output) {
    boolean tooLong() {
      return succeeded && output == null;
    }
  }

  private static final Git FAILED = new Git(false, null);

  private static Git git(Path dir, List<String> args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(args);
    try {
      Process git =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      git.getOutputStream().close();
      // A git that hangs is killed after five seconds, which also ends the read below.
      Thread watchdog =
          new Thread(
              new Runnable() {
                @Override
                public void run() {
                  try {
                    if (!git.waitFor(5, TimeUnit.SECONDS)) {
                      kill(git);
                    }
                  } catch (InterruptedException e) {
                    kill(git);
                  }
                }
              },
              "smtplint-git-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      byte[] out = readBounded(git.getInputStream());
      watchdog.join();
      boolean succeeded = !git.isAlive() && git.exitValue() == 0;
      return succeeded ? new Git(true, out) : FAILED;
    } catch (IOException e) {
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  /**
   * The process and whatever it started: a child still holding the output pipe would keep the read
   * waiting.
   */
  private static void kill(Process process) {
    for (Iterator<ProcessHandle> children = process.descendants().iterator();
        children.hasNext(); ) {
      children.next().destroyForcibly();
    }
    process.destroyForcibly();
  }

  /**
   * All of a stream up to {@link #MAX_LISTING} bytes; null past it (the rest is drained, unread).
   */
  private static byte[] readBounded(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      boolean over = false;
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (out.size() + n > MAX_LISTING) {
          over = true;
        } else {
          out.write(buffer, 0, n);
        }
      }
      return over ? null : out.toByteArray();
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
