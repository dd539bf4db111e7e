package dev.smtplint.run;

import dev.smtplint.report.Redaction;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.rules.Rule;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The process's streams and environment, injected so that tests run the real commands; {@code
 * rules} are the catalogue's, or in a test, a set with a failing rule injected.
 */
public record Environment(
    PrintWriter out,
    PrintWriter err,
    InputStream in,
    Map<String, String> env,
    boolean terminal,
    List<Rule> rules) {
  public Environment(
      PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {
    this(out, err, in, env, terminal, Catalogue.rules());
  }

  /**
   * One line on standard error, "smtplint: ..."; names from the input in it cannot act on the
   * terminal.
   */
  public void complain(String message) {
    err.println("smtplint: " + Redaction.printable(message));
  }
}
