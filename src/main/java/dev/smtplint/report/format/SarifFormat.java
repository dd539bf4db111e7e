package dev.smtplint.report.format;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.ProjectHome;
import dev.smtplint.report.Report;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.Severity;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: every rule in {@code
 * tool.driver.rules}, every finding a result located in an artifact relative to {@code %SRCROOT%}
 * (the working directory).
 */
public final class SarifFormat implements Format {
  private static final String SRCROOT = "%SRCROOT%";

  private final Path workingDirectory;

  public SarifFormat(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  public void write(Report report, Writer out) throws IOException {
    List<RuleInfo> rules = report.rules();
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).id(), i);
    }
    Map<String, Integer> artifacts = new LinkedHashMap<>();
    for (FileResult f : report.files()) {
      artifacts.putIfAbsent(uri(f.path()), artifacts.size());
    }
    try (JsonGenerator g = JsonWriting.generator(out, true)) {
      g.writeStartObject();
      g.writeStringProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      g.writeStringProperty("version", "2.1.0");
      g.writeArrayPropertyStart("runs");
      g.writeStartObject();
      driver(g, report);
      invocations(g, report);
      g.writeObjectPropertyStart("properties");
      g.writeArrayPropertyStart("smtplint/judgedFor");
      for (String r : report.judgedForNamed()) {
        g.writeString(r);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectPropertyStart("originalUriBaseIds");
      g.writeObjectPropertyStart(SRCROOT);
      g.writeStringProperty("uri", workingDirectory.toUri().toString());
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayPropertyStart("artifacts");
      for (String uri : artifacts.keySet()) {
        g.writeStartObject();
        artifactLocation(g, "location", uri, -1);
        g.writeArrayPropertyStart("roles");
        g.writeString("analysisTarget");
        g.writeEndArray();
        g.writeStringProperty("mimeType", "application/json");
        g.writeStringProperty("encoding", "UTF-8");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("results");
      for (FileResult file : report.files()) {
        for (Finding f : file.findings()) {
          result(g, file, f, ruleIndex.getOrDefault(f.rule(), -1), artifacts.get(uri(file.path())));
        }
      }
      g.writeEndArray();
      g.writeStringProperty("columnKind", "utf16CodeUnits");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write("\n");
  }

  private static void driver(JsonGenerator g, Report report) {
    g.writeObjectPropertyStart("tool");
    g.writeObjectPropertyStart("driver");
    g.writeStringProperty("name", "smtplint");
    g.writeStringProperty("version", report.toolVersion());
    g.writeStringProperty("informationUri", ProjectHome.url());
    g.writeArrayPropertyStart("rules");
    for (RuleInfo r : report.rules()) {
      g.writeStartObject();
      g.writeStringProperty("id", r.id());
      g.writeStringProperty("name", pascal(r.id()));
      text(g, "shortDescription", r.summary());
      text(g, "fullDescription", r.explanation().why());
      g.writeObjectPropertyStart("help");
      g.writeStringProperty("text", r.explanation().fix());
      g.writeStringProperty(
          "markdown",
          "**Why.** "
              + r.explanation().why()
              + "\n\n**Fix.** "
              + r.explanation().fix()
              + "\n\nBad:\n```jsonc\n"
              + r.explanation().bad()
              + "\n```\nGood:\n```jsonc\n"
              + r.explanation().good()
              + "\n```");
      g.writeEndObject();
      g.writeStringProperty("helpUri", ProjectHome.url() + "/blob/main/docs/rules.md#" + r.id());
      g.writeObjectPropertyStart("defaultConfiguration");
      g.writeStringProperty("level", level(r.severity()));
      g.writeEndObject();
      g.writeObjectPropertyStart("properties");
      g.writeArrayPropertyStart("tags");
      g.writeString(r.group().label());
      if (r.group() == Group.SECURITY) {
        g.writeString("security");
      }
      g.writeEndArray();
      if (r.autofix().isPresent()) {
        g.writeStringProperty("smtplint/autofix", r.autofix().get().safety().label());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void result(
      JsonGenerator g, FileResult file, Finding f, int ruleIndex, int artifactIndex) {
    g.writeStartObject();
    g.writeStringProperty("ruleId", f.rule());
    if (ruleIndex >= 0) {
      g.writeNumberProperty("ruleIndex", ruleIndex);
    }
    g.writeStringProperty("level", level(f.severity()));
    text(g, "message", f.message());
    g.writeArrayPropertyStart("locations");
    g.writeStartObject();
    g.writeObjectPropertyStart("physicalLocation");
    artifactLocation(g, "artifactLocation", uri(file.path()), artifactIndex);
    region(
        g,
        "region",
        f.location().line(),
        f.location().column(),
        f.location().endLine(),
        f.location().endColumn());
    g.writeEndObject();
    if (f.object().isPresent()) {
      // the Kubernetes object or compose service, as SARIF names a logical place: a resource
      g.writeArrayPropertyStart("logicalLocations");
      g.writeStartObject();
      g.writeStringProperty("name", f.object().get().name());
      g.writeStringProperty("fullyQualifiedName", f.object().get().qualifiedName());
      g.writeStringProperty("kind", "resource");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectPropertyStart("partialFingerprints");
    g.writeStringProperty(
        "smtplint/v1", fingerprint(file.path() + "\n" + f.rule() + "\n" + f.location().pointer()));
    g.writeEndObject();
    if (f.fix().isPresent() && file.source().isPresent()) {
      fixes(g, f.fix().get(), file.source().get(), uri(file.path()), artifactIndex);
    }
    g.writeEndObject();
  }

  /**
   * SARIF's fix: one artifact change whose replacements are the edits (an insertion deletes an
   * empty region).
   */
  private void fixes(JsonGenerator g, Fix fix, SourceFile source, String uri, int artifactIndex) {
    g.writeArrayPropertyStart("fixes");
    g.writeStartObject();
    text(g, "description", fix.description() + " (" + fix.safety().label() + ")");
    g.writeArrayPropertyStart("artifactChanges");
    g.writeStartObject();
    artifactLocation(g, "artifactLocation", uri, artifactIndex);
    g.writeArrayPropertyStart("replacements");
    for (Fix.Edit e : fix.edits()) {
      Position from = source.positionOf(e.start());
      Position to = source.positionOf(e.end());
      g.writeStartObject();
      region(g, "deletedRegion", from.line(), from.column(), to.line(), to.column());
      g.writeObjectPropertyStart("insertedContent");
      g.writeStringProperty("text", e.replacement());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  /**
   * One invocation; a file smtplint failed on is a tool execution notification, and the run is not
   * successful.
   */
  private void invocations(JsonGenerator g, Report report) {
    g.writeArrayPropertyStart("invocations");
    g.writeStartObject();
    g.writeBooleanProperty(
        "executionSuccessful", !report.anyInternalError() && report.inputErrors().isEmpty());
    if (report.anyInternalError() || !report.inputErrors().isEmpty()) {
      g.writeArrayPropertyStart("toolExecutionNotifications");
      for (String e : report.inputErrors()) {
        g.writeStartObject();
        g.writeStringProperty("level", "error");
        text(g, "message", e);
        g.writeEndObject();
      }
      for (FileResult file : report.files()) {
        if (file.internalError().isPresent()) {
          g.writeStartObject();
          g.writeStringProperty("level", "error");
          text(g, "message", file.internalError().get());
          g.writeArrayPropertyStart("locations");
          g.writeStartObject();
          g.writeObjectPropertyStart("physicalLocation");
          artifactLocation(g, "artifactLocation", uri(file.path()), -1);
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void region(
      JsonGenerator g, String name, int startLine, int startColumn, int endLine, int endColumn) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("startLine", startLine);
    g.writeNumberProperty("startColumn", startColumn);
    g.writeNumberProperty("endLine", endLine);
    g.writeNumberProperty("endColumn", endColumn);
    g.writeEndObject();
  }

  private void artifactLocation(JsonGenerator g, String name, String uri, int index) {
    g.writeObjectPropertyStart(name);
    g.writeStringProperty("uri", uri);
    if (!uri.startsWith("file:") && !uri.startsWith("https:") && !uri.startsWith("http:")) {
      g.writeStringProperty("uriBaseId", SRCROOT);
    }
    if (index >= 0) {
      g.writeNumberProperty("index", index);
    }
    g.writeEndObject();
  }

  /** A path as a URI relative to the working directory, or an absolute file URI outside it. */
  String uri(String path) {
    if (path.equals("-")) {
      return "stdin";
    }
    if (path.startsWith("https://") || path.startsWith("http://")) {
      return path; // a running instance's configuration (lint --instance): its own absolute URI
    }
    Path absolute = workingDirectory.resolve(path).normalize();
    if (!absolute.startsWith(workingDirectory)) {
      return absolute.toUri().toString();
    }
    String relative = workingDirectory.relativize(absolute).toString().replace('\\', '/');
    try {
      return new URI(null, null, relative, null).toASCIIString();
    } catch (URISyntaxException e) {
      return absolute.toUri().toString();
    }
  }

  private static void text(JsonGenerator g, String name, String text) {
    g.writeObjectPropertyStart(name);
    g.writeStringProperty("text", text);
    g.writeEndObject();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static String pascal(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  private static String fingerprint(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
