package dev.smtplint.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Whether a file is headed for version control: inside a git work tree and not ignored there. Asked
 * only when a rule needs the answer (it starts git), and "yes" whenever git cannot tell.
 */
public final class VersionControl {
  private VersionControl() {}

  /** {@link #headedForVersionControl} as the Linter takes it (a class, not a method reference: no lambda to link). */
  public static final Predicate<String> HEADED = new Predicate<>() {
    @Override
    public boolean test(String path) {
      return headedForVersionControl(path);
    }
  };

  public static boolean headedForVersionControl(String path) {
    if (path.equals("-")) {
      return true;
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    Path dir = file.getParent();
    if (dir == null || !insideWorkTree(dir)) {
      return false;
    }
    try {
      Process git = new ProcessBuilder("git", "-C", dir.toString(), "check-ignore", "-q", "--", file.getFileName().toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      git.getOutputStream().close();
      if (!git.waitFor(5, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return true;
      }
      return git.exitValue() != 0; // 0: ignored (a tracked file never is); 1: not ignored
    } catch (IOException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static boolean insideWorkTree(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }
}
