package dev.smtplint.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replacing a file whole: the bytes go to a temporary file beside it, which is renamed into place, so
 * a reader never sees half a file and a symbolic link planted at the name is replaced, never written
 * through. Used for the report (-o) and for fixed files (--fix).
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** {@code keepMode}: the new file gets the permissions of the one it replaces (else the temporary file's, 0600). */
  static void replace(Path file, byte[] bytes, boolean keepMode) throws IOException {
    Path target = file.toAbsolutePath();
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      PosixFileAttributeView posix = keepMode
          ? Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) : null;
      if (posix != null) {
        Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
}
