package dev.smtplint.check;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .smtplint.json}'s {@code exclude}: globs a directory walk skips, relative to the settings
 * file's directory, as ruff's {@code extend-exclude}. A glob with a slash matches the path from
 * there ({@code dashboards/**}, {@code deploy/*.json}); one without matches a name at any depth
 * ({@code package.json}, {@code *.dashboard.json}). Files named on the command line are linted
 * whatever it says. The JDK's glob (regular expressions underneath) is compiled only for a settings
 * file that has one.
 */
public final class Excludes {
  private final Path dir;
  private final List<PathMatcher> byPath = new ArrayList<>();
  private final List<PathMatcher> byName = new ArrayList<>();

  public static final Excludes NONE = new Excludes(Path.of(""), List.of());

  /** {@code dir}: the settings file's directory (absolute). */
  public Excludes(Path dir, List<String> globs) {
    this.dir = dir;
    for (String glob : globs) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      (glob.contains("/") ? byPath : byName).add(m);
    }
  }

  static boolean isGlob(String glob) {
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return true;
    } catch (IllegalArgumentException e) { // PatternSyntaxException is one
      return false;
    }
  }

  /** Whether a walked file (absolute, normalized) is excluded. */
  public boolean excludes(Path file) {
    if (byPath.isEmpty() && byName.isEmpty()) {
      return false;
    }
    for (PathMatcher m : byName) {
      for (Path p = file; p != null && p.startsWith(dir) && !p.equals(dir); p = p.getParent()) {
        if (m.matches(p.getFileName())) {
          return true; // the file's name, or a directory's on the way down from the settings
        }
      }
    }
    if (!file.startsWith(dir)) {
      return false;
    }
    Path relative = dir.relativize(file);
    for (PathMatcher m : byPath) {
      if (m.matches(relative)) {
        return true;
      }
    }
    return false;
  }
}
