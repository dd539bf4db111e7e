package dev.smtplint.check;

import dev.smtplint.config.DeepStack;
import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.ParsedConfig;
import dev.smtplint.config.Position;
import dev.smtplint.config.SecretSpans;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Location;
import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import dev.smtplint.report.ProbeOutcome;
import dev.smtplint.report.ProbeResult;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.Severity;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.rules.FileRule;
import dev.smtplint.rules.Releases;
import dev.smtplint.rules.Reporter;
import dev.smtplint.rules.Rule;
import dev.smtplint.rules.SchemaViolationRule;
import dev.smtplint.schema.EmailSchema;
import dev.smtplint.schema.QuickCheck;
import dev.smtplint.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The static check of one file: read, schema, rules, then one problem one finding, suppressions and
 * settings. Thread-safe; the schema is compiled on first use and shared.
 */
public final class Linter {
  private final Settings settings;
  private final Supplier<EmailSchema> schema;
  private final Predicate<String> versioned;
  private final Function<String, EmailSettings.Holder> heldIn;
  private final List<Rule> rules;

  /**
   * A linter that takes every file as headed for version control (tests, and inputs with no real
   * path).
   */
  public Linter(Settings settings, Supplier<EmailSchema> schema) {
    this(settings, schema, path -> true, Catalogue.rules());
  }

  /**
   * {@code versioned}: whether the file at a path is headed for version control (see {@link
   * VersionControl}); {@code rules}: the catalogue's, or in a test, others besides.
   */
  public Linter(
      Settings settings,
      Supplier<EmailSchema> schema,
      Predicate<String> versioned,
      List<Rule> rules) {
    this(settings, schema, versioned, NOWHERE, rules);
  }

  /**
   * {@code heldIn}: what holds the file at a path (a Kubernetes ConfigMap's value, a Secret's, or a
   * file of its own), for password-in-file's advice and secret-in-configmap.
   */
  public Linter(
      Settings settings,
      Supplier<EmailSchema> schema,
      Predicate<String> versioned,
      Function<String, EmailSettings.Holder> heldIn,
      List<Rule> rules) {
    this.settings = settings;
    this.schema = schema;
    this.versioned = versioned;
    this.heldIn = heldIn;
    this.rules = List.copyOf(rules);
  }

  /** The same linter, judging for another release (a frontend image's tag). */
  public Linter judgingFor(SourcegraphVersion release, String from) {
    return new Linter(settings.judgingFor(release, from), schema, versioned, heldIn, rules);
  }

  /** The settings this linter judges with. */
  public Settings settings() {
    return settings;
  }

  /** No path is a ConfigMap's value (an anonymous class: no lambda on the lint path). */
  /** Every file a file of its own (no manifest holds it). */
  private static final Function<String, EmailSettings.Holder> NOWHERE =
      new Function<>() {
        @Override
        public EmailSettings.Holder apply(String path) {
          return EmailSettings.Holder.FILE;
        }
      };

  /**
   * The findings about one file or a merged SITE_CONFIG_FILE list, per file; the tree as
   * Sourcegraph merges it, when every file parsed (the probe needs it); and which file supplied
   * each top-level key. {@code absent}: the files of the list that are not here.
   */
  public record Judged(
      List<FileResult> results,
      Optional<JsonValue.Obj> root,
      Ownership ownership,
      List<String> absent) {
    public Judged {
      results = List.copyOf(results);
      absent = List.copyOf(absent);
    }
  }

  /** One file is a SITE_CONFIG_FILE list of one. */
  public Judged check(SourceFile source) {
    return checkMerged(List.of(source), List.of());
  }

  public Judged checkMerged(List<SourceFile> sources) {
    return checkMerged(sources, List.of());
  }

  /**
   * Rules about a top-level setting that is missing, which a file of the list that is not here (a
   * secrets file git ignores) may well supply: with {@code partial}, they are not reported.
   */
  private static final Set<String> ABOUT_A_MISSING_SETTING =
      Set.of(Catalogue.FROM_WITHOUT_SMTP, Catalogue.SMTP_WITHOUT_FROM);

  /**
   * Lints a SITE_CONFIG_FILE list as Sourcegraph loads it; findings point into the file that
   * supplied the value. {@code absent}: the names of files of the list that are not here, so a
   * setting missing from these may come from them.
   */
  public Judged checkMerged(List<SourceFile> sources, List<String> absent) {
    List<ParsedConfig> parsed = new ArrayList<>(sources.size());
    boolean deep = false;
    for (SourceFile source : sources) {
      ParsedConfig p = JsoncReader.readSiteConfig(source);
      parsed.add(p);
      deep |= p.deep();
    }
    if (!deep) {
      return checkParsed(sources, parsed, absent);
    }
    // The tree's walks recurse, and Sourcegraph loads up to 10,000 levels: a deep stack for them.
    return DeepStack.run(
        sources.get(0).path(),
        new Supplier<>() {
          @Override
          public Judged get() {
            return checkParsed(sources, parsed, absent);
          }
        });
  }

  private Judged checkParsed(
      List<SourceFile> sources, List<ParsedConfig> parsedFiles, List<String> absent) {
    boolean partial = !absent.isEmpty();
    Map<String, List<Finding>> raw = new LinkedHashMap<>();
    Map<String, SecretSpans.Later> masked = new LinkedHashMap<>();
    Merge merge = new Merge();
    boolean complete = true;
    for (int i = 0; i < sources.size(); i++) {
      SourceFile source = sources.get(i);
      ParsedConfig parsed = parsedFiles.get(i);
      raw.put(source.path(), fileLevel(parsed, source.path()));
      masked.put(source.path(), SecretSpans.later(source, parsed.root()));
      if (parsed.root().orElse(null) instanceof JsonValue.Obj root) {
        merge.add(source, root);
      } else {
        complete = false;
      }
    }
    for (Finding f : merge.overrides()) {
      raw.get(f.location().path()).add(f);
    }
    Optional<JsonValue.Obj> root = complete ? Optional.of(merge.root()) : Optional.empty();
    Ownership ownership = complete ? merge.ownership(sources.get(0)) : Ownership.of(sources.get(0));
    if (root.isPresent()) {
      String smtpFile = ownership.path(EmailSettings.SMTP_POINTER);
      BooleanSupplier smtpVersioned =
          new BooleanSupplier() {
            @Override
            public boolean getAsBoolean() {
              return versioned.test(smtpFile);
            }
          };
      Function<String, Optional<SourceFile>> sourceOf =
          new Function<>() {
            @Override
            public Optional<SourceFile> apply(String pointer) {
              return Optional.of(ownership.source(pointer));
            }
          };
      EmailSettings.Holder smtpHeldIn = heldIn.apply(smtpFile);
      for (Finding f :
          judge(root.get(), sources.get(0).path(), smtpVersioned, smtpHeldIn, sourceOf)) {
        if (!(partial && ABOUT_A_MISSING_SETTING.contains(f.rule()))) {
          Finding relocated = ownership.relocate(f);
          raw.get(relocated.location().path()).add(relocated);
        }
      }
    }
    List<FileResult> results = new ArrayList<>();
    for (SourceFile source : sources) {
      SecretSpans.Later scan = masked.get(source.path());
      // a fix may edit what is only hidden (a port written as a string), never a credential
      List<Finding> kept = Fixes.checked(filter(raw.get(source.path()), source), source, scan);
      results.add(new FileResult(source.path(), Optional.of(source), kept, Optional.empty(), scan));
    }
    return new Judged(results, root, ownership, absent);
  }

  /**
   * What is wrong with a file as a file (not UTF-8, not JSONC, not an object, keys repeated under
   * email.*): the file rules' findings. A mutable list: the merge and the rules add to it.
   */
  private List<Finding> fileLevel(ParsedConfig parsed, String path) {
    boolean sound =
        parsed.source().badEncoding().isEmpty()
            && parsed.error().isEmpty()
            && parsed.duplicates().isEmpty()
            && (parsed.root().isEmpty() || parsed.root().get() instanceof JsonValue.Obj);
    // A sound file (nearly every one) has nothing for them: they run only for the others
    // (bench/README.md, fourth round).
    return sound ? new ArrayList<>() : fileRuleFindings(parsed, path);
  }

  private List<Finding> fileRuleFindings(ParsedConfig parsed, String path) {
    Reporter out = new Reporter(path);
    for (Rule rule : rules) {
      if (rule instanceof FileRule file) {
        file.checkFile(parsed, out);
      }
    }
    return new ArrayList<>(out.findings());
  }

  /**
   * Schema and rules over the email settings; a schema violation that a rule explains is dropped.
   */
  List<Finding> judge(
      JsonValue.Obj root,
      String path,
      BooleanSupplier versioned,
      EmailSettings.Holder heldIn,
      Function<String, Optional<SourceFile>> sourceOf) {
    EmailSettings email =
        EmailSettings.of(
            root,
            new EmailSettings.Options(
                settings.passwordFromEnvironment(), versioned, heldIn, settings.release()));
    Reporter reporter = new Reporter(path, sourceOf);
    for (Rule rule : rules) {
      rule.check(email, reporter);
    }
    // A REDACTED credential or an unexpanded variable is one problem: no other rule speaks of that
    // value.
    Set<String> sole = new HashSet<>();
    for (Finding f : reporter.findings()) {
      if (isSoleFinding(f)) {
        sole.add(f.location().pointer());
      }
    }
    List<Finding> out = new ArrayList<>();
    Set<String> explained = new HashSet<>();
    for (Finding f : reporter.findings()) {
      if (isSoleFinding(f) || !sole.contains(f.location().pointer())) {
        out.add(f);
        if (!caseVariant(f.location().pointer())) {
          explained.add(f.location().pointer());
        }
      }
    }
    // The release's schema, derived from today's by the table: what it still had is no violation.
    if (settings.release().isPresent()) { // the table is read only when a release is named
      explained.addAll(Releases.acceptedBeyondToday(settings.release()));
    }
    boolean hasEmail = false;
    for (JsonValue.Member m : root.members()) {
      hasEmail |= m.key().toLowerCase(Locale.ROOT).startsWith("email.");
    }
    // Plainly valid settings need no validator (and its compile, on a cold start); doubtful ones
    // get every message.
    if (hasEmail && !QuickCheck.certainlyValidBut(root, explained)) {
      RuleInfo info = Catalogue.info(Catalogue.SCHEMA_VIOLATION);
      for (SchemaViolation v : schema.get().validate(root)) {
        if (!explained.contains(v.subject())) {
          out.add(
              new Finding(
                  info.id(),
                  info.severity(),
                  v.message(),
                  Location.of(path, v.position(), v.end(), v.subject()),
                  SchemaViolationRule.fix(root, v.subject())));
        }
      }
    }
    return out; // no message quotes a secret or a username (SPEC §10): nothing is masked by text
    // afterwards
  }

  /**
   * A member of email.smtp written in another case than its name ("noVerifyTls"): Go's decoder
   * reads it, so a rule may speak of its value, but Sourcegraph's closed, case-sensitive schema
   * refuses the key at save (and since 4.1 at load): that schema violation stands beside the rule's
   * finding, explained by none (#41 item 3).
   */
  private static boolean caseVariant(String pointer) {
    if (!pointer.startsWith(EmailSettings.SMTP_POINTER + "/")) {
      return false;
    }
    String member = pointer.substring(EmailSettings.SMTP_POINTER.length() + 1);
    if (member.indexOf('/') >= 0) {
      return false;
    }
    Optional<String> field = EmailSettings.smtpField(member);
    return field.isPresent() && !field.get().equals(member);
  }

  private static boolean isSoleFinding(Finding f) {
    return f.rule().equals(Catalogue.REDACTED_VALUE)
        || f.rule().equals(Catalogue.UNEXPANDED_VARIABLE);
  }

  /**
   * Findings by line, column, then rule. The lint path links no lambda (LambdaFreeTest): on Java 17
   * each costs ~130 µs on every cold start, start-up archive or not; a class costs a sixth of that.
   */
  public static final Comparator<Finding> BY_PLACE =
      new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
          int byLine = Integer.compare(a.location().line(), b.location().line());
          int byColumn =
              byLine != 0 ? byLine : Integer.compare(a.location().column(), b.location().column());
          return byColumn != 0 ? byColumn : a.rule().compareTo(b.rule());
        }
      };

  private List<Finding> filter(List<Finding> raw, SourceFile source) {
    Suppressions suppressions = Suppressions.parse(source);
    List<Finding> out = new ArrayList<>();
    for (Finding f : raw) {
      if (settings.disabled().contains(f.rule())
          || suppressions.silences(f.rule(), f.location().line())) {
        continue;
      }
      out.add(f);
    }
    for (Suppressions.Named n : suppressions.names()) {
      if (!Catalogue.exists(n.rule())) {
        out.add(unknownRule(n, source.path()));
      }
    }
    for (int i = 0; i < out.size(); i++) {
      Severity changed = settings.severity().get(out.get(i).rule());
      if (changed != null) {
        out.set(i, out.get(i).withSeverity(changed));
      }
    }
    out.sort(BY_PLACE);
    return out;
  }

  /**
   * Findings made outside the rules (about a manifest: a mount, a sibling container) with the
   * settings applied: disabled rules dropped, severities changed, sorted by place.
   */
  public List<Finding> withSettings(List<Finding> found) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : found) {
      if (!settings.disabled().contains(f.rule())) {
        Severity changed = settings.severity().get(f.rule());
        out.add(changed == null ? f : f.withSeverity(changed));
      }
    }
    out.sort(BY_PLACE);
    return out;
  }

  static Finding unknownRule(Suppressions.Named n, String path) {
    return finding(
        Catalogue.UNKNOWN_RULE,
        path,
        n.position(),
        "",
        UnknownRules.quoted(n.rule())
            + " is not a smtplint rule, so this comment silences nothing"
            + UnknownRules.hint(n.rule()));
  }

  /**
   * The judged files with the probe's outcome: {@code step} runs on the merged email settings when
   * Sourcegraph would send with them; else a probe-not-run finding says why.
   */
  public List<FileResult> probe(Judged judged, ProbeStep step) {
    Optional<String> notRun = whyNotProbed(judged);
    if (notRun.isPresent()) {
      return withProbe(
          judged,
          new ProbeOutcome(
              ProbeResult.notRun(notRun.get()),
              List.of(
                  new ProbeFailure(
                      ProbeCheck.NOT_RUN,
                      "",
                      "--probe was asked, but the probe did not run: " + notRun.get()))));
    }
    // The step sees the release judged for: the probe speaks as that release's sender.
    EmailSettings email =
        EmailSettings.of(
            judged.root().orElseThrow(),
            new EmailSettings.Options(
                false,
                EmailSettings.Options.DEFAULT.versioned(),
                EmailSettings.Holder.FILE,
                settings.release()));
    return withProbe(judged, step.run(email));
  }

  /**
   * Why the probe may not run for these files, or empty when it may: it needs email.smtp, and no
   * error-level finding (Sourcegraph would not get as far as sending).
   */
  private static Optional<String> whyNotProbed(Judged judged) {
    if (judged.root().isEmpty()) {
      return Optional.of(
          "the file is not a site config Sourcegraph can load (see the errors above)");
    }
    int errors = 0;
    for (FileResult r : judged.results()) {
      for (Finding f : r.findings()) {
        errors += f.severity() == Severity.ERROR ? 1 : 0;
      }
    }
    if (errors > 0) {
      return Optional.of(
          errors
              + (errors == 1 ? " error" : " errors")
              + " above would stop Sourcegraph before it sends; fix "
              + (errors == 1 ? "it" : "them")
              + " first");
    }
    if (EmailSettings.of(judged.root().get()).smtp().isEmpty()) {
      return Optional.of(
          judged.absent().isEmpty()
              ? "there is no \"email.smtp\", so Sourcegraph sends no mail and there is no server to talk to"
              : "there is no \"email.smtp\" here, and "
                  + String.join(", ", judged.absent())
                  + " (listed in the settings' siteConfig), which would supply it, is absent; probe where every file of the list is present");
    }
    return Optional.empty();
  }

  /**
   * The results with the probe's outcome: its stages on the file that supplied email.smtp, and each
   * failure a finding in the file that supplied the setting at fault, under the same settings
   * (rules switched off, severities changed) as the static findings.
   */
  private List<FileResult> withProbe(Judged judged, ProbeOutcome outcome) {
    ProbePlacement placement = new ProbePlacement(judged);
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (ProbeFailure f : outcome.failures()) {
      String id = f.check().id();
      if (settings.disabled().contains(id)) {
        continue;
      }
      Severity severity =
          Optional.ofNullable(settings.severity().get(id))
              .orElse(Catalogue.info(f.check()).severity());
      Location at = placement.locate(f.pointer());
      byFile
          .computeIfAbsent(at.path(), k -> new ArrayList<>())
          .add(new Finding(id, severity, f.message(), at));
    }
    String smtpFile = placement.smtpFile();
    return judged.results().stream()
        .map(
            r ->
                r.path().equals(smtpFile)
                    ? r.withProbe(outcome.result(), byFile.getOrDefault(r.path(), List.of()))
                    : r.withFindings(byFile.getOrDefault(r.path(), List.of())))
        .toList();
  }

  static Finding finding(String rule, String path, Position at, String pointer, String message) {
    RuleInfo info = Catalogue.info(rule);
    return new Finding(rule, info.severity(), message, Location.of(path, at, pointer));
  }
}
