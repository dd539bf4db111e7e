package dev.smtplint.cli;

import dev.smtplint.report.format.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Lint the email settings of Sourcegraph site-config files (JSONC). '-' reads standard input; "
            + "a directory means every *.json / *.jsonc below it.")
final class LintCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "site-config files, directories, or - for standard input")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--merge",
      paramLabel = "FILE[:FILE...]",
      description = "lint a SITE_CONFIG_FILE list as Sourcegraph merges it (repeatable)")
  List<String> merges = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = Completions.Formats.class,
      description = "text, json, sarif, github or junit (default: ${DEFAULT-VALUE})")
  Format.Name format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "write the report to FILE instead of standard output")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      completionCandidates = Completions.Levels.class,
      description =
          "error, warning, info or never: the lowest severity that makes the exit code 1 (default: error)")
  String failOn;

  @Option(
      names = "--disable",
      paramLabel = "RULE",
      split = ",",
      completionCandidates = Completions.Rules.class,
      description = "switch rules off (repeatable)")
  List<String> disable = new ArrayList<>();

  @Option(
      names = "--enable",
      paramLabel = "RULE",
      split = ",",
      completionCandidates = Completions.Rules.class,
      description = "switch rules on that settings switched off (repeatable)")
  List<String> enable = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "project settings (default: .smtplint.json in the working directory, then the git root)")
  Path config;

  @Option(
      names = "--isolated",
      description = "ignore every settings file (.smtplint.json): for CI on untrusted branches")
  boolean isolated;

  @Option(
      names = "--allow-host",
      paramLabel = "HOST",
      split = ",",
      description =
          "with --probe --password-env: a host the password may be sent to (repeatable; also SMTPLINT_ALLOW_HOSTS)")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--no-color",
      description = "plain text (also when NO_COLOR is set or output is not a terminal)")
  boolean noColor;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      completionCandidates = Completions.Colors.class,
      description =
          "auto, always or never (default: auto: at a terminal, "
              + "unless NO_COLOR is set or TERM is dumb; FORCE_COLOR forces it)")
  String colorWhen;

  @Option(
      names = {"-q", "--quiet"},
      description = "print only findings at or above --fail-on")
  boolean quiet;

  @Option(
      names = "--probe",
      description = "after the static checks, talk to each file's SMTP server as Sourcegraph would")
  boolean probe;

  @Option(
      names = "--to",
      paramLabel = "ADDRESS",
      description = "with --probe: also send one test message to ADDRESS")
  String to;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "with --probe: take the SMTP password from environment variable NAME")
  String passwordEnv;

  @Option(
      names = "--fix",
      description =
          "apply the safe fixes in place (never to a username or password), then report what remains")
  boolean fix;

  @Option(
      names = "--unsafe-fixes",
      description =
          "with --fix or --diff: also the fixes that change what is sent (port 465 to 587, ...)")
  boolean unsafeFixes;

  @Option(
      names = "--diff",
      description =
          "print the fixes as a unified diff and write nothing (exit 1 when there is something to fix)")
  boolean diff;

  @Option(
      names = "--instance",
      paramLabel = "URL",
      arity = "0..1",
      fallbackValue = "",
      description =
          "lint a running Sourcegraph's effective site config through its GraphQL API (URL default: SRC_ENDPOINT; "
              + "token: SRC_ACCESS_TOKEN, a site admin's); with --probe --to, test through the instance's own sendTestEmail")
  String instance;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      converter = Seconds.class,
      description =
          "with --probe: limit for each network step, in seconds (default: ${DEFAULT-VALUE})")
  double timeout;

  /**
   * --timeout: a number of seconds, "30s" too; anything else in words a user reads (not "'30s' is
   * not a double").
   */
  static final class Seconds implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String number = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
      try {
        return Double.parseDouble(number.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "--timeout takes a number of seconds (10, 2.5), not '" + value + "'");
      }
    }
  }

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description = "with --probe: also trust the CA certificates in this PEM file")
  Path caFile;

  @Option(
      names = {"-v", "--verbose"},
      description = "with --probe: print the SMTP transcript (AUTH redacted)")
  boolean verbose;

  @Option(names = "--debug", hidden = true, description = "show stack traces of internal errors")
  boolean debug;

  private final Environment environment;

  LintCommand(Environment environment) {
    this.environment = environment;
  }

  /**
   * The options checked (every usage error the words show, before anything is read), then one run.
   */
  public Integer call() throws IOException {
    return new LintRun(environment, LintOptions.of(this)).run();
  }
}
