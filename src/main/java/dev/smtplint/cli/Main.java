package dev.smtplint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

  /** Runs one command line with injected streams and environment; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {
    Environment environment = new Environment(out, err, in, env, terminal);
    CommandLine cli = create(environment, args.length > 0 ? args[0] : "");
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The subcommands, by name; each is registered only when needed (picocli's model is built by reflection). */
  private static final Map<String, Class<?>> SUBCOMMANDS = new java.util.LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("lint", LintCommand.class);
    SUBCOMMANDS.put("rules", RulesCommand.class);
    SUBCOMMANDS.put("explain", ExplainCommand.class);
    SUBCOMMANDS.put("schema", SchemaCommand.class);
  }

  /**
   * The one factory of the command line, with every handler wired. When the first argument names a
   * subcommand only that one is built, which keeps start-up short on the path every commit takes.
   */
  static CommandLine create(Environment environment, String firstArgument) {
    Factory factory = new Factory(environment);
    CommandLine cli = new CommandLine(new TopCommand(), factory);
    boolean known = SUBCOMMANDS.containsKey(firstArgument);
    for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS.entrySet()) {
      if (!known || sub.getKey().equals(firstArgument)) {
        try {
          cli.addSubcommand(sub.getKey(), factory.create(sub.getValue()));
        } catch (Exception e) {
          throw new IllegalStateException("cannot create the " + sub.getKey() + " command", e);
        }
      }
    }
    cli.setOut(environment.out());
    cli.setErr(environment.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((ex, args) -> {
      environment.complain(ex.getMessage());
      environment.err().println("Try 'smtplint " + commandName(ex.getCommandLine()) + "--help' for more information.");
      return ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UsageException) {
        environment.complain(ex.getMessage());
        return ExitCode.USAGE;
      }
      boolean debug = parseResult.originalArgs().contains("--debug");
      environment.complain("internal error: " + ex.getClass().getSimpleName()
          + " (a bug in smtplint; run again with --debug for the stack trace, and please report it)");
      if (debug) {
        ex.printStackTrace(environment.err());
      }
      return ExitCode.INTERNAL;
    });
    return cli;
  }

  private static String commandName(CommandLine commandLine) {
    return commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
  }

  /** Builds command objects with the environment injected. */
  private record Factory(Environment environment) implements CommandLine.IFactory {
    public <K> K create(Class<K> type) throws Exception {
      if (type == LintCommand.class) {
        return type.cast(new LintCommand(environment));
      }
      if (type == RulesCommand.class) {
        return type.cast(new RulesCommand(environment));
      }
      if (type == ExplainCommand.class) {
        return type.cast(new ExplainCommand(environment));
      }
      if (type == SchemaCommand.class) {
        return type.cast(new SchemaCommand(environment));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
