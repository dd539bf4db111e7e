package dev.smtplint.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns bytes into a {@link SourceFile}: strict UTF-8, an optional BOM dropped. */
public final class SourceLoader {
  private SourceLoader() {}

  /** A file that cannot be read as a site config at all (exit code 2, not a finding). */
  public static final class UnreadableException extends Exception {
    public UnreadableException(String message) {
      super(message);
    }
  }

  public static SourceFile load(Path path, String displayName) throws UnreadableException {
    if (Files.isDirectory(path)) {
      throw new UnreadableException(displayName + ": is a directory");
    }
    try {
      if (Files.size(path) > JsoncReader.MAX_DOCUMENT_LENGTH) {
        throw tooLarge(displayName);
      }
      return decode(displayName, Files.readAllBytes(path));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UnreadableException(displayName + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UnreadableException(displayName + ": permission denied");
    } catch (IOException e) {
      throw new UnreadableException(displayName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  public static SourceFile load(InputStream in, String displayName) throws UnreadableException {
    try {
      byte[] bytes = in.readNBytes((int) JsoncReader.MAX_DOCUMENT_LENGTH + 1);
      if (bytes.length > JsoncReader.MAX_DOCUMENT_LENGTH) {
        throw tooLarge(displayName);
      }
      return decode(displayName, bytes);
    } catch (IOException e) {
      throw new UnreadableException(displayName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static UnreadableException tooLarge(String displayName) {
    return new UnreadableException(displayName + ": larger than smtplint's input limit of "
        + (JsoncReader.MAX_DOCUMENT_LENGTH >> 20) + " MiB");
  }

  static SourceFile decode(String displayName, byte[] bytes) throws UnreadableException {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new UnreadableException(displayName + ": is UTF-16; Sourcegraph reads site configs as UTF-8");
    }
    int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
      return SourceFile.of(displayName, text);
    } catch (CharacterCodingException e) {
      throw new UnreadableException(displayName + ": is not valid UTF-8 (" + firstBadByte(bytes, start) + ")");
    }
  }

  private static String firstBadByte(byte[] bytes, int start) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    var in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    var out = java.nio.CharBuffer.allocate(bytes.length);
    var result = decoder.decode(in, out, true);
    int offset = in.position();
    return result.isError() ? String.format("byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset) : "bad encoding";
  }
}
