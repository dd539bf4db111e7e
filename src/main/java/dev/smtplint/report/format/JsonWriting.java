package dev.smtplint.report.format;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** Jackson's streaming generator, compact or indented; the formats write JSON token by token. */
public final class JsonWriting {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonWriting() {}

  public static JsonGenerator generator(Writer out, boolean pretty) {
    ObjectWriteContext context = !pretty ? ObjectWriteContext.empty() : new ObjectWriteContext.Base() {
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
