package dev.smtplint.cli;

import dev.smtplint.report.format.Format;
import dev.smtplint.run.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    customSynopsis = {
      "smtplint lint [OPTIONS] [--merge FILE[:FILE...]]... [--] [FILE...]",
      "       smtplint lint [OPTIONS] --instance [URL]"
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on (and the probe, if asked, passed)",
      "1:findings at or above --fail-on",
      "2:usage error, or an input that cannot be read",
      "3:internal error (a bug in smtplint)"
    },
    footerHeading = "%nEnvironment and examples:%n",
    footer = {
      "NO_COLOR (plain text), FORCE_COLOR, CI (no live status line), SMTPLINT_ALLOW_HOSTS (hosts"
          + " --password-env may go to), SRC_ENDPOINT and SRC_ACCESS_TOKEN (--instance).",
      "",
      "  smtplint lint config/site.json",
      "  smtplint lint --fix --unsafe-fixes config/",
      "  smtplint lint --merge site.json:secrets.json --probe --to me@acme.io",
      "  smtplint lint --isolated --format sarif -o smtplint.sarif config/",
      "  smtplint lint --instance https://sourcegraph.acme.io"
    },
    description =
        "Lint the email settings of Sourcegraph site configs (JSONC) and of the deployment"
            + " manifests that hold them (Kubernetes, kustomize and Helm output, compose). '-' reads"
            + " standard input; a directory means every site config and manifest below it that git"
            + " does not ignore.")
final class LintCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "site configs, manifests, directories, or - for standard input")
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
      names = "--sourcegraph-version",
      paramLabel = "X.Y[.Z]",
      description =
          "judge for this Sourcegraph release (default: the instance's with --instance, a linted"
              + " frontend image's tag, .smtplint.json's sourcegraphVersion, else the newest smtplint knows)")
  String sourcegraphVersion;

  @Option(
      names = "--stdin-filename",
      paramLabel = "PATH",
      description =
          "with -: the path standard input stands for (its name in messages, its settings, whether"
              + " git tracks it); never read")
  String stdinFilename;

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
          "project settings for the whole run (default: for each file, the nearest .smtplint.json"
              + " above it up to its git root; else the working directory's, then its git root's)")
  Path config;

  @Option(
      names = "--isolated",
      description = "ignore every settings file (.smtplint.json): for CI on untrusted branches")
  boolean isolated;

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

  /** --probe and the options that go with it. */
  @Mixin ProbeOptions probing = new ProbeOptions();

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
