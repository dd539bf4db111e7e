package dev.smtplint.config;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decoded text of one input, with the name a user knows it by. {@code badEncoding} is where the
 * first byte that is not UTF-8 stood; the text holds U+FFFD for each such byte, as Go reads it.
 * Lines are kept as offsets into the text and cut out only when asked for (a batch keeps no copy of
 * its text).
 */
public record SourceFile(
    String path,
    String text,
    int[] lineStarts,
    Optional<Position> badEncoding,
    boolean bom,
    boolean knownAscii) {

  public static SourceFile of(String path, String text) {
    return of(path, text, Optional.empty(), false);
  }

  /** The same file with other text (after fixes): same name, same byte-order mark. */
  public SourceFile withText(String other) {
    return of(path, other, Optional.empty(), bom);
  }

  static SourceFile of(String path, String text, Optional<Position> badEncoding, boolean bom) {
    return of(path, text, badEncoding, bom, false);
  }

  /**
   * {@code knownAscii}: every character is ASCII, as decoding saw at no cost (false where nobody
   * looked): the scans of the text take their short ways.
   */
  static SourceFile of(
      String path, String text, Optional<Position> badEncoding, boolean bom, boolean knownAscii) {
    return new SourceFile(path, text, starts(text), badEncoding, bom, knownAscii);
  }

  /**
   * The bytes of the file as read: the BOM it had, then the text in UTF-8 (exact for a file that
   * decoded cleanly).
   */
  public byte[] bytes() {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (!bom) {
      return utf8;
    }
    byte[] out = new byte[utf8.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, out, 3, utf8.length);
    return out;
  }

  /**
   * The byte offsets in the file (BOM and UTF-8 counted) of character offsets of {@link #text}: one
   * pass over the text however many are asked (a file with 30,000 fixes on one line stays linear).
   */
  public ByteOffsets byteOffsets(int[] charOffsets) {
    int[] sorted = charOffsets.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    int[] wanted = Arrays.copyOf(sorted, distinct);
    long[] bytes = new long[wanted.length];
    long count = bom ? 3 : 0;
    if (knownAscii) { // a byte per character: no pass over the text (a batch's report did one per
      // file)
      for (int w = 0; w < wanted.length; w++) {
        bytes[w] = count + Math.min(wanted[w], text.length());
      }
      return new ByteOffsets(wanted, bytes);
    }
    int i = 0;
    for (int w = 0; w < wanted.length; w++) {
      for (int to = Math.min(wanted[w], text.length()); i < to; i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          count += 1;
        } else if (c < 0x800) {
          count += 2;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          count += 4;
          i++;
        } else {
          count += 3;
        }
      }
      bytes[w] = count;
    }
    return new ByteOffsets(wanted, bytes);
  }

  /** Character offsets (sorted) and the byte offsets they fall at. */
  public record ByteOffsets(int[] chars, long[] bytes) {
    /** The byte offset of a character offset that was asked for. */
    public long of(int charOffset) {
      int at = Arrays.binarySearch(chars, charOffset);
      if (at < 0) {
        throw new IllegalArgumentException("offset " + charOffset + " was not asked for");
      }
      return bytes[at];
    }
  }

  /**
   * The offset each line starts at; lines end at CRLF, CR or LF, as Jackson counts them. Found with
   * String.indexOf, a line at a time, not a character at a time.
   */
  private static int[] starts(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    int cr = text.indexOf('\r');
    int lf = text.indexOf('\n');
    while (cr >= 0 || lf >= 0) {
      int end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      if (end == cr && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
        end++;
      }
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
      }
      starts[n++] = end + 1;
      if (cr >= 0 && cr <= end) {
        cr = text.indexOf('\r', end + 1);
      }
      if (lf >= 0 && lf <= end) {
        lf = text.indexOf('\n', end + 1);
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** The lines, without their line ends, cut from the text as they are read. */
  public List<String> lines() {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return line(index + 1);
      }

      @Override
      public int size() {
        return lineStarts.length;
      }
    };
  }

  /** The text of a 1-based line, or an empty string past the end. */
  public String line(int number) {
    int start = lineStart(number);
    return text.substring(start, start + lineLength(number));
  }

  /**
   * The length of a 1-based line without its line end (0 past the end), without copying it: a
   * report of many findings on one long line reads only a window of it for each.
   */
  public int lineLength(int number) {
    if (number < 1 || number > lineStarts.length) {
      return 0;
    }
    int start = lineStarts[number - 1];
    if (number == lineStarts.length) {
      return text.length() - start;
    }
    int end = lineStarts[number]; // just after this line's end: LF, CR or CRLF
    end -= text.charAt(end - 1) == '\n' && end - 2 >= start && text.charAt(end - 2) == '\r' ? 2 : 1;
    return end - start;
  }

  /** The offset in {@link #text} at which a 1-based line starts. */
  public int lineStart(int number) {
    return number >= 1 && number <= lineStarts.length ? lineStarts[number - 1] : text.length();
  }

  /** The 1-based line and column of an offset in {@link #text}. */
  public Position positionOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return new Position(lo + 1, offset - lineStarts[lo] + 1);
  }
}
