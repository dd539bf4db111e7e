package dev.smtplint.report.format;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** Jackson's streaming generator, compact or indented; the formats write JSON token by token. */
public final class JsonWriting {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().characterEscapes(new TerminalSafe()).build();

  /**
   * JSON's own escapes, plus DEL, the C1 controls, the line and paragraph separators and the
   * bidirectional overrides: escaped as \\uXXXX, they stay the same data but cannot act on a
   * terminal or a log that shows the report.
   */
  private static final class TerminalSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    TerminalSafe() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      boolean unsafe =
          (c >= 0x80 && c < 0xA0)
              || c == 0x2028
              || c == 0x2029
              || (c >= 0x202A && c <= 0x202E)
              || (c >= 0x2066 && c <= 0x2069);
      return unsafe ? new SerializedString(String.format("\\u%04x", c)) : null;
    }
  }

  private JsonWriting() {}

  public static JsonGenerator generator(Writer out, boolean pretty) {
    ObjectWriteContext context =
        !pretty
            ? ObjectWriteContext.empty()
            : new ObjectWriteContext.Base() {
              @Override
              public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
              }

              @Override
              public boolean hasPrettyPrinter() {
                return true;
              }
            };
    return FACTORY.createGenerator(context, out);
  }
}
