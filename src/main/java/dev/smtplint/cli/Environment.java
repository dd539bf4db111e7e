package dev.smtplint.cli;

import dev.smtplint.report.Redaction;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** The process's streams and environment, injected so that tests run the real commands. */
record Environment(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {
  /** One line on standard error, "smtplint: ..."; names from the input in it cannot act on the terminal. */
  void complain(String message) {
    err.println("smtplint: " + Redaction.printable(message));
  }
}
