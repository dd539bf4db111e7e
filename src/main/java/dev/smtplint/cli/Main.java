package dev.smtplint.cli;

import dev.smtplint.config.Suggestions;
import dev.smtplint.report.Redaction;
import dev.smtplint.run.Environment;
import dev.smtplint.run.UsageException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;

/** The program's entry point: the only place that calls System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, System.in, System.getenv(), System.console() != null);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * picocli lists an enum's values as written in Java ("expected one of [TEXT, JSON]"); smtplint's
   * options take them in lower case: "expected one of text, json".
   */
  static String lowerCaseChoices(String message) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "expected one of \\[([A-Z_, ]{1,200})\\] \\(case-insensitive\\) ")
            .matcher(message);
    return m.find()
        ? message.substring(0, m.start())
            + "expected one of "
            + m.group(1).toLowerCase(java.util.Locale.ROOT)
            + " "
            + message.substring(m.end())
        : message;
  }

  /** Runs one command line with injected streams and environment; returns the exit code. */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      boolean terminal) {
    return run(new Environment(out, err, in, env, terminal), args);
  }

  /** Runs one command line in an environment (tests inject rules through it). */
  static int run(Environment environment, String[] args) {
    PrintWriter out = environment.out();
    PrintWriter err = environment.err();
    // The plain forms of "lint" skip picocli's reflective model; everything else goes through
    // picocli.
    int code;
    try {
      Optional<LintCommand> fast = FastLintArgs.parse(args, environment);
      if (fast.isPresent()) {
        try {
          code = fast.get().call();
        } catch (Exception e) {
          code = failure(environment, e, List.of(args).contains("--debug"));
        }
      } else {
        code = create(environment, args.length > 0 ? args[0] : "").execute(args);
      }
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Wherever it ran out (SPEC §10): one line and exit 3, never a stack trace or the JVM's exit
      // 1.
      code = exhausted(environment, e);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The line for a run that ran out of memory or stack; what was held is garbage by now. */
  private static int exhausted(Environment environment, Error e) {
    environment.complain(
        (e instanceof OutOfMemoryError ? "out of memory" : "out of stack")
            + " (an input too large or too deeply nested for smtplint's limits; run with a larger"
            + " heap, or lint the files apart)");
    return ExitCode.INTERNAL;
  }

  /**
   * The subcommands, by name, each built with the environment injected: the one list to extend.
   * Each is registered only when needed (picocli's model is built by reflection). In a holder of
   * its own, so that the fast path of {@code lint}, which never reads it, links none of its
   * constructors.
   */
  static final class Subcommands {
    static final Map<String, Function<Environment, Object>> ALL = new LinkedHashMap<>();

    static {
      ALL.put("lint", LintCommand::new);
      ALL.put("rules", RulesCommand::new);
      ALL.put("explain", ExplainCommand::new);
      ALL.put("schema", SchemaCommand::new);
      ALL.put("diagnose", DiagnoseCommand::new);
    }

    private Subcommands() {}
  }

  /**
   * The one factory of the command line, with every handler wired. When the first argument names a
   * subcommand only that one is built, which keeps start-up short on the path every commit takes.
   */
  static CommandLine create(Environment environment, String firstArgument) {
    CommandLine cli = new CommandLine(new TopCommand());
    boolean known = Subcommands.ALL.containsKey(firstArgument);
    for (Map.Entry<String, Function<Environment, Object>> sub : Subcommands.ALL.entrySet()) {
      if (!known || sub.getKey().equals(firstArgument)) {
        cli.addSubcommand(sub.getKey(), sub.getValue().apply(environment));
      }
    }
    cli.setOut(environment.out());
    cli.setErr(environment.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // A file name is a file name (SPEC §10): "@list" from a branch is never read as more arguments.
    cli.setExpandAtFiles(false);
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          // "Did you mean: lint?" for a mistyped subcommand or option, as git and ruff answer.
          if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
              && !unmatched.isUnknownOption()
              && ex.getCommandLine().getParent() == null
              && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            environment.complain(
                "unknown command '"
                    + Redaction.printable(Suggestions.shown(typed))
                    + "' ("
                    + String.join(", ", Subcommands.ALL.keySet())
                    + ")");
            Suggestions.closest(typed, Subcommands.ALL.keySet())
                .ifPresent(best -> environment.err().println("Did you mean: " + best + "?"));
          } else {
            environment.complain(lowerCaseChoices(ex.getMessage()));
          }
          if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
              && unmatched.isUnknownOption()) {
            unmatched.getUnmatched().stream()
                .filter(a -> a.startsWith("-"))
                .findFirst()
                .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                .flatMap(
                    a ->
                        Suggestions.closest(
                            a, ex.getCommandLine().getCommandSpec().optionsMap().keySet()))
                .ifPresent(best -> environment.err().println("Did you mean: " + best + "?"));
          }
          environment
              .err()
              .println(
                  "Try 'smtplint "
                      + commandName(ex.getCommandLine())
                      + "--help' for more information.");
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) ->
            failure(environment, ex, parseResult.originalArgs().contains("--debug")));
    return cli;
  }

  /** What a command that threw becomes: a usage error (exit 2) or one line about a bug (exit 3). */
  private static int failure(Environment environment, Exception ex, boolean debug) {
    if (ex instanceof UsageException) {
      environment.complain(ex.getMessage());
      return ExitCode.USAGE;
    }
    environment.complain(
        "internal error: "
            + ex.getClass().getSimpleName()
            + " (a bug in smtplint; run again with --debug for the stack trace, and please report it)");
    if (debug) {
      ex.printStackTrace(environment.err());
    }
    return ExitCode.INTERNAL;
  }

  private static String commandName(CommandLine commandLine) {
    return commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
  }
}
