package dev.smtplint.report.format;

import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Redaction;
import dev.smtplint.report.Report;
import java.io.IOException;
import java.io.Writer;

/** GitHub Actions workflow commands: an annotation per finding, escaped as the runner requires. */
public final class GithubFormat implements Format {
  public void write(Report report, Writer out) throws IOException {
    for (FileResult file : report.files()) {
      if (file.internalError().isPresent()) {
        out.write(
            "::error file="
                + property(file.path())
                + ",title="
                + property("smtplint")
                + "::"
                + data(file.internalError().get())
                + "\n");
      }
      for (Finding f : file.findings()) {
        String command =
            switch (f.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO -> "notice";
            };
        out.write(
            "::"
                + command
                + " file="
                + property(annotated(f))
                + ",line="
                + f.location().line()
                + ",col="
                + f.location().column()
                + ",endLine="
                + f.location().endLine()
                + ",endColumn="
                + f.location().endColumn()
                + ",title="
                + property("[" + f.rule() + "]")
                + "::"
                + data(f.message())
                + "\n");
      }
    }
  }

  /**
   * The file an annotation names: the finding's, or for standard input the file its renderer
   * recorded the object came from, where known (a "-" annotates nothing in a pull request).
   */
  private static String annotated(Finding f) {
    String path = f.location().path();
    return path.equals("-") && f.object().isPresent() && f.object().get().origin().isPresent()
        ? f.object().get().origin().get()
        : path;
  }

  /**
   * The runner's escaping of a command's message, after every control character from the input is
   * made printable (\\u001b): ESC, BEL or a C1 control would otherwise reach the log as such.
   */
  static String data(String text) {
    return Redaction.printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** The runner's escaping of a property value: also ':' and ','. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
