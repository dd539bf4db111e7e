package dev.smtplint.report.format;

import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Redaction;
import dev.smtplint.report.Report;
import dev.smtplint.report.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for Jenkins and GitLab: a testsuite per file, a testcase per rule that fired (or one
 * passing case for a clean file), a failure per finding at or above the fail-on threshold; milder
 * findings go to the case's system-out so that they show without failing it.
 */
public final class JunitFormat implements Format {
  private final Optional<Severity> failOn;

  /** {@code failOn}: the lowest severity that is a failure; empty: none is ("never"). */
  public JunitFormat(Optional<Severity> failOn) {
    this.failOn = failOn;
  }

  public void write(Report report, Writer out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "smtplint");
      int tests = 0;
      long failures = 0;
      for (int i = 0; i < report.files().size(); i++) {
        FileResult file = report.files().get(i);
        tests += cases(file).size();
        failures += failures(file, report.failOn(i, failOn));
      }
      x.writeAttribute("tests", String.valueOf(tests));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeCharacters("\n");
      for (int i = 0; i < report.files().size(); i++) {
        suite(x, report.files().get(i), report.failOn(i, failOn));
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML", e);
    }
  }

  /** {@code failOn}: this file's own threshold (SPEC §5: each file is judged by its settings). */
  private void suite(XMLStreamWriter x, FileResult file, Optional<Severity> failOn)
      throws XMLStreamException {
    Map<String, List<Finding>> cases = cases(file);
    x.writeCharacters("  ");
    x.writeStartElement("testsuite");
    x.writeAttribute("name", clean(file.path()));
    x.writeAttribute("tests", String.valueOf(cases.size()));
    x.writeAttribute("failures", String.valueOf(failures(file, failOn)));
    x.writeAttribute("errors", file.internalError().isPresent() ? "1" : "0");
    x.writeAttribute("skipped", "0");
    x.writeCharacters("\n");
    if (file.internalError().isPresent()) {
      x.writeCharacters("    ");
      x.writeStartElement("testcase");
      x.writeAttribute("classname", clean(file.path()));
      x.writeAttribute("name", "smtplint");
      x.writeStartElement("error");
      x.writeAttribute("message", clean(file.internalError().get()));
      x.writeEndElement();
      x.writeEndElement();
      x.writeCharacters("\n");
    }
    for (Map.Entry<String, List<Finding>> c : cases.entrySet()) {
      x.writeCharacters("    ");
      x.writeStartElement("testcase");
      x.writeAttribute("classname", clean(file.path()));
      x.writeAttribute("name", c.getKey());
      StringBuilder notes = new StringBuilder();
      for (Finding f : c.getValue()) {
        String line =
            f.location().path()
                + ":"
                + f.location().line()
                + ":"
                + f.location().column()
                + ": "
                + f.severity().label()
                + " ["
                + f.rule()
                + "] "
                + f.message();
        if (isFailure(f, failOn)) {
          x.writeStartElement("failure");
          x.writeAttribute("type", f.severity().label());
          x.writeAttribute("message", clean(f.message()));
          x.writeCharacters(clean(line));
          x.writeEndElement();
        } else {
          notes.append(clean(line)).append('\n');
        }
      }
      if (notes.length() > 0) {
        x.writeStartElement("system-out");
        x.writeCharacters(notes.toString());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeCharacters("\n");
    }
    x.writeCharacters("  ");
    x.writeEndElement();
    x.writeCharacters("\n");
  }

  /** The findings by rule, in order of first appearance; a clean file is one passing case. */
  private static Map<String, List<Finding>> cases(FileResult file) {
    if (file.findings().isEmpty() && file.internalError().isEmpty()) {
      return Map.of("smtplint", List.of());
    }
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : file.findings()) {
      byRule.putIfAbsent(f.rule(), new ArrayList<>());
      byRule.get(f.rule()).add(f);
    }
    return byRule;
  }

  private static long failures(FileResult file, Optional<Severity> failOn) {
    long n = 0;
    for (Finding f : file.findings()) {
      n += isFailure(f, failOn) ? 1 : 0;
    }
    return n;
  }

  private static boolean isFailure(Finding f, Optional<Severity> failOn) {
    return failOn.isPresent() && f.severity().atLeast(failOn.get());
  }

  /**
   * Control characters from the input are made printable (\\u001b), as in every format: XML 1.0
   * cannot carry most of them, and a CI page that shows the text must not see them raw. Lone
   * surrogates and U+FFFE/U+FFFF, which XML cannot carry either, become U+FFFD.
   */
  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    String printable = Redaction.printable(text);
    for (int i = 0; i < printable.length(); ) {
      int c = printable.codePointAt(i);
      out.appendCodePoint((c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF ? 0xFFFD : c);
      i += Character.charCount(c);
    }
    return out.toString();
  }
}
