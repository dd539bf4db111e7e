package dev.smtplint.report.format;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.report.ProbeResult;
import dev.smtplint.report.ProbeStage;
import dev.smtplint.report.Report;
import dev.smtplint.report.Severity;
import java.io.IOException;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;

/** The JSON report of SPEC §4: fields may be added, never removed or renamed. */
public final class JsonFormat implements Format {
  public void write(Report report, Writer out) throws IOException {
    try (JsonGenerator g = JsonWriting.generator(out, false)) {
      g.writeStartObject();
      g.writeStringProperty("tool", "smtplint");
      g.writeStringProperty("version", report.toolVersion());
      g.writeArrayPropertyStart("files");
      for (FileResult file : report.files()) {
        writeFile(g, file);
      }
      g.writeEndArray();
      if (!report.inputErrors().isEmpty()) {
        // Inputs that were not read at all (exit 2): named here as on standard error.
        g.writeArrayPropertyStart("inputErrors");
        for (String e : report.inputErrors()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      g.writeArrayPropertyStart("judgedFor");
      for (String r : report.judgedForNamed()) {
        g.writeString(r);
      }
      g.writeEndArray();
      g.writeObjectPropertyStart("summary");
      var counts = report.counts();
      for (Severity s : Severity.values()) {
        g.writeNumberProperty(s.label(), counts.get(s));
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write("\n");
  }

  /**
   * One file's object. A method of its own, not the loop's body: a loop that runs once per report
   * is never compiled (too few iterations), a method called once per file is, after the first few
   * hundred of a batch.
   */
  private static void writeFile(JsonGenerator g, FileResult file) {
    g.writeStartObject();
    g.writeStringProperty("path", file.path());
    if (file.internalError().isPresent()) {
      g.writeStringProperty("internalError", file.internalError().get());
    }
    g.writeArrayPropertyStart("findings");
    SourceFile.ByteOffsets offsets =
        file.source().isPresent() ? file.source().get().byteOffsets(editOffsets(file)) : null;
    for (Finding f : file.findings()) {
      g.writeStartObject();
      g.writeStringProperty("rule", f.rule());
      g.writeStringProperty("severity", f.severity().label());
      g.writeStringProperty("message", f.message());
      g.writeNumberProperty("line", f.location().line());
      g.writeNumberProperty("column", f.location().column());
      g.writeStringProperty("pointer", f.location().pointer());
      if (f.object().isPresent()) {
        writeObject(g, f.object().get());
      }
      if (f.fix().isPresent() && file.source().isPresent()) {
        writeFix(g, f.fix().get(), file.source().get(), offsets);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (file.probe().isPresent()) {
      writeProbe(g, file.probe().get());
    }
    g.writeEndObject();
  }

  /** The deployment object a finding is about (SPEC §4): its non-empty fields. */
  private static void writeObject(JsonGenerator g, dev.smtplint.report.ObjectRef o) {
    g.writeObjectPropertyStart("object");
    String[][] fields = {
      {"kind", o.kind()},
      {"namespace", o.namespace()},
      {"name", o.name()},
      {"key", o.key()},
      {"container", o.container()},
      {"origin", o.origin().orElse("")}
    };
    for (String[] field : fields) {
      if (!field[1].isEmpty()) {
        g.writeStringProperty(field[0], field[1]);
      }
    }
    g.writeEndObject();
  }

  /** A method of its own: a lint without --probe has no code built for it. */
  private static void writeProbe(JsonGenerator g, ProbeResult probe) {
    g.writeObjectPropertyStart("probe");
    g.writeBooleanProperty("ok", probe.ok());
    if (probe.notRun().isPresent()) {
      g.writeStringProperty("notRun", probe.notRun().get());
    }
    g.writeArrayPropertyStart("stages");
    for (ProbeStage s : probe.stages()) {
      g.writeStartObject();
      g.writeStringProperty("stage", s.stage());
      g.writeBooleanProperty("ok", s.ok());
      g.writeNumberProperty("ms", s.millis());
      g.writeStringProperty("detail", s.detail());
      if (s.skipped()) {
        g.writeBooleanProperty("skipped", true);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The character offsets where the file's fixes' edits start and end. */
  private static int[] editOffsets(FileResult file) {
    java.util.List<Integer> offsets = new java.util.ArrayList<>();
    for (Finding f : file.findings()) {
      if (f.fix().isPresent()) {
        for (Fix.Edit e : f.fix().get().edits()) {
          offsets.add(e.start());
          offsets.add(e.end());
        }
      }
    }
    int[] out = new int[offsets.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = offsets.get(i);
    }
    return out;
  }

  /**
   * A finding's fix: its safety, what it does, and each edit as a byte range of the file and as
   * lines and columns.
   */
  private static void writeFix(
      JsonGenerator g, Fix fix, SourceFile source, SourceFile.ByteOffsets offsets) {
    g.writeObjectPropertyStart("fix");
    g.writeStringProperty("safety", fix.safety().label());
    g.writeStringProperty("description", fix.description());
    g.writeArrayPropertyStart("edits");
    for (Fix.Edit e : fix.edits()) {
      Position from = source.positionOf(e.start());
      Position to = source.positionOf(e.end());
      long offset = offsets.of(e.start());
      g.writeStartObject();
      g.writeNumberProperty("offset", offset);
      g.writeNumberProperty("length", offsets.of(e.end()) - offset);
      g.writeNumberProperty("line", from.line());
      g.writeNumberProperty("column", from.column());
      g.writeNumberProperty("endLine", to.line());
      g.writeNumberProperty("endColumn", to.column());
      g.writeStringProperty("replacement", e.replacement());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
