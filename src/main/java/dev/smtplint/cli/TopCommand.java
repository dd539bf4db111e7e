package dev.smtplint.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "smtplint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Finds email settings of a Sourcegraph site configuration that look fine and silently don't work.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean",
      "1:findings at or above --fail-on",
      "2:usage error or unreadable file",
      "3:internal error"
    })
final class TopCommand implements Runnable {
  @Spec CommandSpec spec;

  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command (" + String.join(", ", Main.Subcommands.ALL.keySet()) + ")");
  }
}
