package dev.smtplint.cli;

import picocli.CommandLine.Command;

@Command(
    name = "smtplint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds email settings of a Sourcegraph site configuration that look fine and silently don't work.",
    footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or unreadable file, 3 internal error."})
final class TopCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (lint, rules, explain, schema)");
  }
}
