package dev.smtplint.config;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns bytes into a {@link SourceFile}: UTF-8 read as Go reads it (each byte that is not UTF-8
 * becomes U+FFFD, and the first one is remembered), an optional BOM dropped. Every read is bounded
 * by {@link #MAX_BYTES}, whatever the kind of file.
 */
public final class SourceLoader {
  /** The one input limit for every file smtplint reads: site configs, settings, CA files. */
  public static final int MAX_BYTES = (int) JsoncReader.MAX_DOCUMENT_LENGTH;

  private SourceLoader() {}

  /** A file that cannot be read as a site config at all (exit code 2, not a finding). */
  public static final class UnreadableException extends Exception {
    public UnreadableException(String message) {
      super(message);
    }
  }

  public static SourceFile load(Path path, String displayName) throws UnreadableException {
    return decode(displayName, readBounded(path, displayName));
  }

  /**
   * The bytes of a regular file or a pipe (never a device, a socket or a directory), at most {@link
   * #MAX_BYTES} of them: a larger input is refused, not read to its end.
   */
  public static byte[] readBounded(Path path, String displayName) throws UnreadableException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return readOther(path, attributes, displayName);
      }
      try (InputStream in = open(path)) {
        return attributes.size() < MAX_BYTES
            ? readSized(in, (int) attributes.size(), displayName)
            : readBounded(in, displayName);
      }
    } catch (IOException e) {
      throw unreadable(e, displayName);
    }
  }

  // The paths below are rare: methods of their own, so that C1, which compiles a whole method,
  // builds
  // no code for them while a batch's regular files warm it up (bench/README.md, fourth round).

  /** A pipe is read within the bound; anything else that is not a regular file is refused. */
  private static byte[] readOther(Path path, BasicFileAttributes attributes, String displayName)
      throws IOException, UnreadableException {
    if (attributes.isDirectory()) {
      throw new UnreadableException(displayName + ": is a directory");
    }
    if (!isPipe(path)) {
      throw new UnreadableException(
          displayName + ": is not a regular file or a pipe; smtplint reads only those");
    }
    try (InputStream in = open(path)) {
      return readBounded(in, displayName);
    }
  }

  private static UnreadableException unreadable(IOException e, String displayName) {
    if (e instanceof NoSuchFileException) {
      return new UnreadableException(displayName + ": no such file");
    }
    if (e instanceof AccessDeniedException) {
      return new UnreadableException(displayName + ": permission denied");
    }
    return new UnreadableException(
        displayName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
  }

  /**
   * A java.io stream: it reads straight into the array, where the NIO channel behind
   * Files.newInputStream goes through a direct buffer and some fifty methods a batch's first files
   * run interpreted. Should it fail, NIO opens the file again for its precise exception.
   */
  private static InputStream open(Path path) throws IOException {
    try {
      return new FileInputStream(path.toFile());
    } catch (FileNotFoundException | UnsupportedOperationException e) {
      return Files.newInputStream(path);
    }
  }

  private static boolean isPipe(Path path) {
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      return mode instanceof Integer m && (m & 0170000) == 0010000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  public static SourceFile load(InputStream in, String displayName) throws UnreadableException {
    try {
      return decode(displayName, readBounded(in, displayName));
    } catch (IOException e) {
      throw unreadable(e, displayName);
    }
  }

  /**
   * A regular file of known size, read into an array of that size (no buffers grown and copied); a
   * file that grew since it was measured is read on, within the same bound.
   */
  private static byte[] readSized(InputStream in, int size, String displayName)
      throws IOException, UnreadableException {
    byte[] bytes = new byte[size];
    int n = in.readNBytes(bytes, 0, size);
    if (n < size) {
      return Arrays.copyOf(bytes, n);
    }
    int next = in.read();
    if (next < 0) {
      return bytes;
    }
    byte[] rest = readBounded(in, displayName);
    if ((long) size + 1 + rest.length > MAX_BYTES) {
      throw tooLarge(displayName);
    }
    byte[] all = Arrays.copyOf(bytes, size + 1 + rest.length);
    all[size] = (byte) next;
    System.arraycopy(rest, 0, all, size + 1, rest.length);
    return all;
  }

  /**
   * At most MAX_BYTES + 1 bytes, by plain reads: on Java 17, FileInputStream's own readNBytes asks
   * a pipe for its length and position, and a FIFO ({@code <(…)}) answers "Illegal seek".
   */
  private static byte[] readBounded(InputStream in, String displayName)
      throws IOException, UnreadableException {
    byte[] buffer = new byte[8192];
    int length = 0;
    for (int n;
        (n = in.read(buffer, length, Math.min(buffer.length - length, MAX_BYTES + 1 - length)))
            > 0; ) {
      length += n;
      if (length > MAX_BYTES) {
        throw tooLarge(displayName);
      }
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, MAX_BYTES + 1L));
      }
    }
    return Arrays.copyOf(buffer, length);
  }

  private static UnreadableException tooLarge(String displayName) {
    return new UnreadableException(
        displayName + ": larger than smtplint's input limit of " + (MAX_BYTES >> 20) + " MiB");
  }

  /** 3 when the bytes open with UTF-8's byte-order mark (which Go's reader drops too), else 0. */
  private static int bomLength(byte[] bytes) {
    return bytes.length >= 3
            && bytes[0] == (byte) 0xEF
            && bytes[1] == (byte) 0xBB
            && bytes[2] == (byte) 0xBF
        ? 3
        : 0;
  }

  /** Decodes as Go does: one U+FFFD per byte that is not part of a valid UTF-8 sequence. */
  static SourceFile decode(String displayName, byte[] bytes) {
    int start = bomLength(bytes);
    // The common case first: the JDK's own decoder puts U+FFFD where a byte is not UTF-8, so
    // without
    // one in its result every byte was valid and the text is exactly Go's (a file that holds U+FFFD
    // itself takes the long way, which tells the two apart).
    String valid = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (valid.indexOf('\uFFFD') < 0) {
      // as many characters as bytes: every byte was ASCII (any other takes two or more)
      boolean ascii = valid.length() == bytes.length - start;
      return SourceFile.of(displayName, valid, Optional.empty(), start == 3, ascii);
    }
    return decodeByteByByte(displayName, bytes);
  }

  /**
   * The long way, for text with U+FFFD in it: Go's one U+FFFD per bad byte, and where the first
   * stood.
   */
  static SourceFile decodeByteByByte(String displayName, byte[] bytes) {
    int start = bomLength(bytes);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    int firstBad = -1;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        break;
      }
      if (result.isError()) {
        if (firstBad < 0) {
          firstBad = out.position();
        }
        for (int i = 0; i < result.length(); i++) {
          out.put('\uFFFD');
        }
        in.position(in.position() + result.length());
      } else {
        throw new IllegalStateException(
            "UTF-8 decoding overflowed a buffer sized for the worst case");
      }
    }
    decoder.flush(out);
    String text = out.flip().toString();
    if (firstBad < 0) {
      return SourceFile.of(displayName, text, Optional.empty(), start == 3);
    }
    SourceFile plain = SourceFile.of(displayName, text);
    return SourceFile.of(displayName, text, Optional.of(plain.positionOf(firstBad)), start == 3);
  }
}
