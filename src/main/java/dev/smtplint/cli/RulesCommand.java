package dev.smtplint.cli;

import dev.smtplint.report.Fix;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.format.JsonWriting;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.run.Environment;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.core.JsonGenerator;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule: id, default severity, summary.")
final class RulesCommand implements Callable<Integer> {
  @Mixin TextOrJson output = new TextOrJson();

  private final Environment environment;

  RulesCommand(Environment environment) {
    this.environment = environment;
  }

  public Integer call() {
    if (output.json()) {
      StringWriter text = new StringWriter();
      try (JsonGenerator g = JsonWriting.generator(text, false)) {
        g.writeStartArray();
        for (RuleInfo r : Catalogue.infos()) {
          g.writeStartObject();
          g.writeStringProperty("id", r.id());
          g.writeStringProperty("severity", r.severity().label());
          g.writeStringProperty("group", r.group().label());
          g.writeStringProperty("summary", r.summary());
          if (r.autofix().isPresent()) {
            g.writeStringProperty("fix", r.autofix().get().safety().label());
          } else {
            g.writeNullProperty("fix");
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      environment.out().println(text);
      return ExitCode.OK;
    }
    environment
        .out()
        .println(
            "[*] lint --fix repairs these findings; [*u] only with --unsafe-fixes (they change what is sent)\n");
    String group = "";
    for (RuleInfo r : Catalogue.infos()) {
      if (!r.group().label().equals(group)) {
        group = r.group().label();
        environment
            .out()
            .println((group.equals(Catalogue.infos().get(0).group().label()) ? "" : "\n") + group);
      }
      String fix = r.autofix().map(a -> a.safety() == Fix.Safety.SAFE ? "[*]" : "[*u]").orElse("");
      environment
          .out()
          .printf("  %-28s %-8s %-4s %s%n", r.id(), r.severity().label(), fix, r.summary());
    }
    return ExitCode.OK;
  }
}
