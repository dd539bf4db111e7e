package dev.smtplint.cli;

import dev.smtplint.run.Environment;
import dev.smtplint.schema.EmailSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of the email settings.")
final class SchemaCommand implements Callable<Integer> {
  private final Environment environment;

  SchemaCommand(Environment environment) {
    this.environment = environment;
  }

  public Integer call() {
    environment.out().print(EmailSchema.text());
    return ExitCode.OK;
  }
}
