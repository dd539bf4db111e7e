package dev.smtplint.check;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.ParsedConfig;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.config.Suggestions;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Severity;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.rules.Releases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code .smtplint.json}: {@code {"disable": [...], "severity": {"rule": "warning"}, "failOn":
 * "warning", "siteConfig": ["config/site.json", "config/secrets.json"]}}. {@code siteConfig} is the
 * SITE_CONFIG_FILE list, relative to the settings file: a file of it is linted as part of the whole
 * list, and files of it that are absent (a secrets file git ignores) are left out. Unknown rule
 * names are findings in the settings file itself.
 */
public record ProjectSettings(
    Settings settings, FileResult findings, List<String> siteConfig, List<String> exclude) {
  /** The settings file's name, in the directory whose files it governs. */
  public static final String FILE_NAME = ".smtplint.json";

  public ProjectSettings {
    siteConfig = List.copyOf(siteConfig);
    exclude = List.copyOf(exclude);
  }

  /** A settings file that cannot be used at all (exit code 2). */
  public static final class InvalidException extends Exception {
    InvalidException(String message) {
      super(message);
    }
  }

  public static ProjectSettings parse(SourceFile source) throws InvalidException {
    ParsedConfig parsed = JsoncReader.read(source);
    if (parsed.error().isPresent()) {
      var e = parsed.error().get();
      throw new InvalidException(
          source.path()
              + ":"
              + e.position().line()
              + ":"
              + e.position().column()
              + ": "
              + e.message());
    }
    if (!(parsed.root().orElseThrow() instanceof JsonValue.Obj root)) {
      throw new InvalidException(source.path() + ": settings are a JSON object");
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> disabled = new HashSet<>();
    Map<String, Severity> severity = new HashMap<>();
    Optional<FailOn> failOn = Optional.empty();
    List<String> siteConfig = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    Optional<SourcegraphVersion> release = Optional.empty();
    for (JsonValue.Member m : root.members()) {
      switch (m.key()) {
        case "disable" -> {
          if (!(m.value() instanceof JsonValue.Arr list)) {
            throw invalid(source, m.value(), "\"disable\" is a list of rule ids");
          }
          for (JsonValue item : list.items()) {
            if (!(item instanceof JsonValue.Str id)) {
              throw invalid(source, item, "\"disable\" lists rule ids as strings");
            }
            known(id.value(), item, source, findings).ifPresent(disabled::add);
          }
        }
        case "severity" -> {
          if (!(m.value() instanceof JsonValue.Obj map)) {
            throw invalid(
                source, m.value(), "\"severity\" maps rule ids to error, warning or info");
          }
          for (JsonValue.Member rule : map.members()) {
            Severity level = level(source, rule.value());
            known(rule.key(), rule.value(), source, findings)
                .ifPresent(id -> severity.put(id, level));
          }
        }
        case "failOn" ->
            failOn =
                Optional.of(m.value())
                    .filter(JsonValue.Str.class::isInstance)
                    .flatMap(v -> FailOn.parse(((JsonValue.Str) v).value()));
        case "siteConfig" -> {
          if (!(m.value() instanceof JsonValue.Arr list) || list.items().isEmpty()) {
            throw invalid(
                source,
                m.value(),
                "\"siteConfig\" lists the SITE_CONFIG_FILE files in order, as strings");
          }
          for (JsonValue item : list.items()) {
            if (!(item instanceof JsonValue.Str file) || file.value().isBlank()) {
              throw invalid(source, item, "\"siteConfig\" lists file paths as strings");
            }
            siteConfig.add(file.value());
          }
        }
        case "exclude" -> {
          if (!(m.value() instanceof JsonValue.Arr list)) {
            throw invalid(source, m.value(), "\"exclude\" lists globs a walk skips, as strings");
          }
          for (JsonValue item : list.items()) {
            if (!(item instanceof JsonValue.Str glob)
                || glob.value().isBlank()
                || !Excludes.isGlob(glob.value())) {
              throw invalid(source, item, "\"exclude\" lists globs (such as \"dashboards/**\")");
            }
            exclude.add(glob.value());
          }
        }
        case "sourcegraphVersion" -> {
          release =
              m.value() instanceof JsonValue.Str v
                  ? SourcegraphVersion.parse(v.value())
                  : Optional.empty();
          if (release.isEmpty() || release.get().compareTo(Releases.oldest()) < 0) {
            throw invalid(
                source,
                m.value(),
                "\"sourcegraphVersion\" is a Sourcegraph release such as \"5.2\", "
                    + Releases.oldest()
                    + " or later");
          }
        }
        default ->
            throw invalid(
                source,
                m.value(),
                "unknown setting \""
                    + Suggestions.shown(m.key())
                    + "\" (known: disable, severity, failOn, siteConfig, exclude, sourcegraphVersion)");
      }
    }
    if (root.get("failOn").isPresent() && failOn.isEmpty()) {
      throw invalid(
          source,
          root.get("failOn").get(),
          "\"failOn\" is \"error\", \"warning\", \"info\" or \"never\"");
    }
    Settings settings = new Settings(disabled, severity, failOn, false);
    return new ProjectSettings(
        release.isPresent()
            ? settings.judgingFor(release.get(), source.path() + "'s sourcegraphVersion")
            : settings,
        new FileResult(source.path(), Optional.of(source), findings, Optional.empty(), List.of()),
        siteConfig,
        exclude);
  }

  private static Optional<String> known(
      String id, JsonValue at, SourceFile source, List<Finding> findings) {
    if (Catalogue.exists(id)) {
      return Optional.of(id);
    }
    findings.add(
        Linter.finding(
            Catalogue.UNKNOWN_RULE,
            source.path(),
            at.position(),
            at.pointer(),
            UnknownRules.quoted(id)
                + " is not a smtplint rule, so this setting has no effect"
                + UnknownRules.hint(id)));
    return Optional.empty();
  }

  private static Severity level(SourceFile source, JsonValue value) throws InvalidException {
    if (value instanceof JsonValue.Str s) {
      Optional<Severity> level = Severity.parse(s.value());
      if (level.isPresent()) {
        return level.get();
      }
    }
    throw invalid(source, value, "a severity is \"error\", \"warning\" or \"info\"");
  }

  private static InvalidException invalid(SourceFile source, JsonValue at, String message) {
    return new InvalidException(
        source.path() + ":" + at.position().line() + ":" + at.position().column() + ": " + message);
  }
}
