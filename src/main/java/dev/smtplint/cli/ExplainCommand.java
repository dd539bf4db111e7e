package dev.smtplint.cli;

import dev.smtplint.config.Suggestions;
import dev.smtplint.report.Explanations;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.run.Environment;
import dev.smtplint.run.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain a rule: why, a bad and a good example, the fix.")
final class ExplainCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RULE",
      completionCandidates = Completions.Rules.class,
      description = "a rule id, as `smtplint rules` lists it")
  String rule;

  private final Environment environment;

  ExplainCommand(Environment environment) {
    this.environment = environment;
  }

  public Integer call() {
    RuleInfo info =
        Catalogue.find(rule)
            .orElseThrow(
                () -> {
                  String hint =
                      Suggestions.closest(
                              rule, Catalogue.infos().stream().map(RuleInfo::id).toList())
                          .map(best -> "; did you mean \"" + best + "\"?")
                          .orElse("; see `smtplint rules`");
                  return new UsageException("no rule \"" + Suggestions.shown(rule) + "\"" + hint);
                });
    environment.out().print(Explanations.text(info));
    return ExitCode.OK;
  }
}
