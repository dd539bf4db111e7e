package dev.smtplint.fix;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replacing a file whole: the bytes go to a temporary file beside it, which is renamed into place,
 * so a reader never sees half a file and a symbolic link planted at the name is replaced, never
 * written through. Used for the report (-o) and for fixed files (--fix).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** A directory where a file was to be replaced: never renamed over. */
  public static final class NotAFileException extends IOException {
    NotAFileException(Path path) {
      super(path + ": is not a regular file");
    }
  }

  /**
   * What must still hold just before the rename (the file unchanged since it was read); it throws
   * to refuse.
   */
  public interface Precondition {
    void check() throws IOException;

    Precondition NONE =
        new Precondition() {
          @Override
          public void check() {}
        };
  }

  /**
   * A replacement that could not keep what the old file had (owner, group, mode): refused, the old
   * file kept.
   */
  public static final class NotKeptException extends IOException {
    NotKeptException(String what) {
      super(what);
    }
  }

  /**
   * The report (-o): a new file of the temporary file's mode (0600), or the old one's permissions.
   */
  public static void replace(Path file, byte[] bytes, boolean keepMode) throws IOException {
    replace(file, bytes, keepMode, false, Precondition.NONE);
  }

  /**
   * {@code keepMode}: the new file gets the permissions of the one it replaces (else the temporary
   * file's, 0600); {@code keepAll}: also its owner, group and special bits (setuid, setgid,
   * sticky), or the replacement is refused. {@code precondition} runs after the new file is
   * written, right before the rename.
   */
  public static void replace(
      Path file, byte[] bytes, boolean keepMode, boolean keepAll, Precondition precondition)
      throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isSymbolicLink(target)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new NotAFileException(target);
    }
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      PosixFileAttributeView posix =
          keepMode
              ? Files.getFileAttributeView(
                  target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
              : null;
      if (posix != null && keepAll) {
        keepOwnerAndMode(target, tmp);
      } else if (posix != null) {
        Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
      }
      precondition.check();
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }

  /**
   * The old file's owner, group and whole mode on the new one; refused where the system does not
   * allow it.
   */
  private static void keepOwnerAndMode(Path target, Path tmp) throws IOException {
    int uid = (Integer) Files.getAttribute(target, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int gid = (Integer) Files.getAttribute(target, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    try {
      if ((Integer) Files.getAttribute(tmp, "unix:uid") != uid) {
        Files.setAttribute(tmp, "unix:uid", uid);
      }
      if ((Integer) Files.getAttribute(tmp, "unix:gid") != gid) {
        Files.setAttribute(tmp, "unix:gid", gid);
      }
    } catch (IOException | SecurityException e) {
      throw new NotKeptException(
          "its owner or group could not be kept (it belongs to another user or group)");
    }
    Files.setAttribute(tmp, "unix:mode", mode);
    if (((Integer) Files.getAttribute(tmp, "unix:mode") & 07777) != mode) {
      throw new NotKeptException("its mode " + Integer.toOctalString(mode) + " could not be kept");
    }
  }

  /**
   * Whether FILE is a stream the system provides rather than a file to replace: a device or a named
   * pipe as named (Git cannot check either out, so no branch planted it; the user named it, as with
   * a shell's {@code >}), or a symbolic link under /dev or /proc ({@code /dev/stdout}, {@code
   * /dev/fd/1}). A link anywhere else is a file to replace.
   */
  public static boolean isSystemStream(Path file) {
    try {
      BasicFileAttributes own =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (own.isSymbolicLink()) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith("/dev/") || absolute.startsWith("/proc/");
      }
      return own.isOther();
    } catch (IOException e) {
      return false; // absent (or unreadable): a new file, renamed into place
    }
  }

  /**
   * Writes to a system stream as a shell's {@code >>} would: appended, never created or truncated.
   */
  public static void writeThrough(Path file, byte[] bytes) throws IOException {
    try (var out =
        Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      out.write(bytes);
    }
  }
}
