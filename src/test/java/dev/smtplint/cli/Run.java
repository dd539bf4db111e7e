package dev.smtplint.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the real command line in-process with captured streams. */
record Run(int code, String out, String err) {
  static Run of(String... args) {
    return withInput("", Map.of(), args);
  }

  static Run withInput(String stdin, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, false);
    return new Run(code, out.toString(), err.toString());
  }

  String all() {
    return out + err;
  }
}
