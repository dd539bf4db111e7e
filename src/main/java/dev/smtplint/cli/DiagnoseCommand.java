package dev.smtplint.cli;

import dev.smtplint.config.SourceLoader;
import dev.smtplint.probe.ErrorTexts;
import dev.smtplint.report.format.JsonWriting;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.run.Diagnoses;
import dev.smtplint.run.Environment;
import dev.smtplint.run.UsageException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JsonGenerator;

/**
 * {@code smtplint diagnose TEXT|-}: what an error text from Sourcegraph (sendTestEmail's answer, a
 * log line), Go's net/smtp or crypto/tls means, as a finding: rule, setting, fix and where the text
 * comes from. The text itself is never printed back (it is input, and may hold anything).
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description =
        "Explain an error text from Sourcegraph (sendTestEmail, its logs), Go's net/smtp or crypto/tls: "
            + "the rule, the setting at fault and the fix. '-' reads standard input.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:not a failure smtplint knows",
      "1:a known failure (explained)",
      "2:usage error"
    })
final class DiagnoseCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "TEXT",
      arity = "1..*",
      description = "the error text (quote it), or - to read it from standard input")
  List<String> text;

  @Mixin TextOrJson output = new TextOrJson();

  private final Environment environment;

  DiagnoseCommand(Environment environment) {
    this.environment = environment;
  }

  public Integer call() {
    String input;
    if (text.equals(List.of("-"))) {
      try {
        input = SourceLoader.load(environment.in(), "-").text();
      } catch (SourceLoader.UnreadableException e) {
        throw new UsageException(e.getMessage());
      }
    } else {
      input = String.join(" ", text);
    }
    // One line as it was given; a pasted log line by line, each failure it names once.
    List<ErrorTexts.Match> all =
        input.strip().contains("\n")
            ? ErrorTexts.diagnoseAll(input)
            : ErrorTexts.diagnose(ErrorTexts.errorPart(input)).map(List::of).orElse(List.of());
    Optional<ErrorTexts.Match> diagnosis =
        all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    if (output.json()) {
      environment.out().println(json(diagnosis, all));
    } else if (diagnosis.isPresent()) {
      StringBuilder text = new StringBuilder();
      for (ErrorTexts.Match m : all) {
        text.append(text.length() == 0 ? "" : "\n").append(Diagnoses.text(m));
      }
      environment.out().print(text);
    } else {
      environment
          .out()
          .println(
              "Not a failure smtplint knows: no step of Sourcegraph's sender, text of Go's net/smtp, "
                  + "crypto/tls or crypto/x509, or provider reply it recognises. `smtplint lint --probe FILE` finds out step by step.");
    }
    return diagnosis.isPresent() ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static String json(Optional<ErrorTexts.Match> diagnosis, List<ErrorTexts.Match> all) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsonWriting.generator(out, false)) {
      g.writeStartObject();
      g.writeStringProperty("tool", "smtplint");
      g.writeStringProperty("version", VersionProvider.version());
      if (diagnosis.isEmpty()) {
        g.writeNullProperty("diagnosis");
      } else {
        ErrorTexts.Match d = diagnosis.get();
        ErrorTexts.Entry e = d.entry();
        g.writeObjectPropertyStart("diagnosis");
        g.writeStringProperty("rule", e.rule());
        g.writeStringProperty("severity", Catalogue.info(e.rule()).severity().label());
        g.writeStringProperty("pointer", e.pointer());
        g.writeStringProperty("step", d.step().label());
        g.writeStringProperty("meaning", e.meaning());
        g.writeStringProperty("fix", e.fix());
        g.writeStringProperty("source", e.source());
        g.writeEndObject();
      }
      g.writeArrayPropertyStart(
          "diagnoses"); // every failure a pasted log names; "diagnosis" is the first
      for (ErrorTexts.Match m : all) {
        g.writeStartObject();
        g.writeStringProperty("rule", m.entry().rule());
        g.writeStringProperty("pointer", m.entry().pointer());
        g.writeStringProperty("step", m.step().label());
        g.writeStringProperty("meaning", m.entry().meaning());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString();
  }
}
