package dev.smtplint.run;

import dev.smtplint.schema.EmailSchema;
import java.util.function.Supplier;

/**
 * The schema, compiled once per process when a file first needs it (a valid file never does). An
 * anonymous class, not a method reference: on Java 17 each lambda costs a link (~130 µs) on every
 * cold start.
 */
public final class EmailSchemaHolder {
  private EmailSchemaHolder() {}

  public static final Supplier<EmailSchema> SUPPLIER =
      new Supplier<>() {
        @Override
        public EmailSchema get() {
          return Compiled.SCHEMA;
        }
      };

  private static final class Compiled {
    static final EmailSchema SCHEMA = EmailSchema.load();
  }
}
