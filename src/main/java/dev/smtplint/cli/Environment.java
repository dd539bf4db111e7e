package dev.smtplint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** The process's streams and environment, injected so that tests run the real commands. */
record Environment(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {}
