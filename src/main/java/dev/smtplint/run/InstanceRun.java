package dev.smtplint.run;

import dev.smtplint.check.InstanceMessages;
import dev.smtplint.check.Judgement;
import dev.smtplint.check.Linter;
import dev.smtplint.check.ProbeStep;
import dev.smtplint.check.Settings;
import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.instance.SourcegraphApi;
import dev.smtplint.probe.CaFile;
import dev.smtplint.probe.ErrorTexts;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import dev.smtplint.report.ProbeOutcome;
import dev.smtplint.report.ProbeResult;
import dev.smtplint.report.ProbeStage;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.rules.Releases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * {@code lint --instance [URL]}: the running Sourcegraph at URL (else SRC_ENDPOINT), reached with
 * SRC_ACCESS_TOKEN. Its effective site configuration is linted like a file named after the
 * instance; {@code --probe --to} asks the instance itself to send ({@code sendTestEmail}) and turns
 * its answer into the probe's findings through {@link ErrorTexts}. Every failure is a usage error
 * (exit 2) in one line, without the token.
 */
public final class InstanceRun {
  static final String ENDPOINT_ENV = "SRC_ENDPOINT";
  static final String TOKEN_ENV = "SRC_ACCESS_TOKEN";

  /** The stage the report shows for the instance's own send. */
  static final String STAGE = "sendTestEmail";

  private final SourcegraphApi api;

  private InstanceRun(SourcegraphApi api) {
    this.api = api;
  }

  /** {@code url}: the option's value, empty when --instance was given without one. */
  public static InstanceRun open(
      String url, Map<String, String> env, Duration timeout, Optional<CaFile> caFile) {
    String endpoint = url.isEmpty() ? env.getOrDefault(ENDPOINT_ENV, "") : url;
    if (endpoint.isBlank()) {
      throw new UsageException(
          "--instance needs the instance's URL, or " + ENDPOINT_ENV + " set to it");
    }
    String token = env.getOrDefault(TOKEN_ENV, "");
    if (token.isEmpty()) {
      throw new UsageException(
          "--instance needs "
              + TOKEN_ENV
              + ": an access token of a site admin "
              + "(Sourcegraph: Settings > Access tokens)");
    }
    try {
      Optional<SSLContext> tls =
          caFile.isPresent() ? Optional.of(caFile.get().context()) : Optional.empty();
      return new InstanceRun(SourcegraphApi.of(endpoint, token, timeout, tls));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--ca-file " + e.getMessage());
    } catch (SourcegraphApi.ApiException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The effective site configuration, as a source named after the instance. */
  /** The instance's effective configuration as a file named after it, and its own verdict on it. */
  public record Fetched(
      SourceFile source,
      List<String> validationMessages,
      java.util.Optional<String> productVersion) {}

  public Fetched fetch() {
    try {
      SourcegraphApi.SiteConfiguration c = api.siteConfiguration();
      return new Fetched(
          SourceFile.of(api.shown(), c.contents()), c.validationMessages(), c.productVersion());
    } catch (SourcegraphApi.ApiException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The local step-by-step probe needs the username, which newer instances serve as REDACTED (only
   * --password-env can supply a secret): say so rather than send "REDACTED".
   */
  public static void requireVisibleUsername(Linter.Judged judged) {
    boolean hidden =
        judged
            .root()
            .map(EmailSettings::of)
            .flatMap(s -> s.smtpString("username"))
            .map(JsonValue.Str::value)
            .filter(EmailSettings.REDACTED::equals)
            .isPresent();
    if (hidden) {
      throw new UsageException(
          "the instance serves email.smtp.username as REDACTED, so a local probe cannot log in; "
              + "use --probe --to ADDRESS (the instance sends itself), or probe a site-config file");
    }
  }

  /** The instance's own send to {@code to}, as the probe's stage and findings. */
  public ProbeStep probe(String to) {
    return new ProbeStep() {
      @Override
      public ProbeOutcome run(EmailSettings email) {
        return send(to);
      }
    };
  }

  private ProbeOutcome send(String to) {
    long start = System.nanoTime();
    String answer;
    try {
      answer = api.sendTestEmail(to);
    } catch (SourcegraphApi.ApiException e) {
      throw new UsageException(e.getMessage());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (ErrorTexts.sent(answer)) {
      return new ProbeOutcome(
          new ProbeResult(
              true,
              List.of(
                  new ProbeStage(
                      STAGE,
                      true,
                      millis,
                      "the instance sent a test email (check that it arrives)")),
              List.of()),
          List.of());
    }
    Optional<ErrorTexts.Match> diagnosis = ErrorTexts.diagnose(answer);
    String said = "the instance answered: \"" + shortened(answer) + "\"";
    ProbeStage stage = new ProbeStage(STAGE, false, millis, said);
    List<ProbeFailure> failures =
        diagnosis
            .map(d -> failure(d, said))
            .orElse(
                List.of(
                    new ProbeFailure(
                        ProbeCheck.DATA_REJECTED,
                        "",
                        "the instance could not send the test email, for a reason smtplint does not know ("
                            + said
                            + "); `smtplint lint --probe` on the same settings shows each step")));
    return new ProbeOutcome(new ProbeResult(false, List.of(stage), List.of()), failures);
  }

  /**
   * A known failure: the probe finding it is; a configuration failure is already a static finding.
   */
  private static List<ProbeFailure> failure(ErrorTexts.Match d, String said) {
    ErrorTexts.Entry e = d.entry();
    Optional<ProbeCheck> check =
        Arrays.stream(ProbeCheck.values()).filter(c -> c.id().equals(e.rule())).findFirst();
    String where = d.step() == ErrorTexts.Step.NONE ? "" : " at " + d.step().meaning();
    return check
        .map(
            c ->
                List.of(
                    new ProbeFailure(
                        c,
                        e.pointer(),
                        "the instance's test email failed"
                            + where
                            + ": "
                            + e.meaning()
                            + " "
                            + e.fix()
                            + " ("
                            + said
                            + ")")))
        .orElse(List.of());
  }

  private static String shortened(String answer) {
    return answer.length() <= 300 ? answer : answer.substring(0, 300) + "…";
  }

  /**
   * The instance's findings without fixes (there is no file here that --fix could write), and its
   * own validation messages beside them (InstanceMessages).
   */
  public static Judgement withVerdict(
      Environment environment, Judgement unit, List<String> messages, Settings settings) {
    if (unit.judged().isEmpty()) {
      return unit;
    }
    Linter.Judged judged = unit.judged().get();
    List<FileResult> unfixable = new ArrayList<>();
    for (FileResult r : judged.results()) {
      List<Finding> findings = new ArrayList<>();
      for (Finding f : r.findings()) {
        findings.add(f.withFix(Optional.empty()));
      }
      unfixable.add(r.withFindingsReplaced(findings));
    }
    InstanceMessages.Placed placed =
        InstanceMessages.place(unfixable, judged.root(), messages, settings);
    if (placed.others() > 0) {
      environment.complain(
          "note: the instance reports "
              + placed.others()
              + (placed.others() == 1 ? " validation message" : " validation messages")
              + " about settings other than email.* (smtplint judges email.* only; see its site"
              + " configuration page)");
    }
    Linter.Judged now =
        new Linter.Judged(placed.results(), judged.root(), judged.ownership(), judged.absent());
    return new Judgement(unit.name(), placed.results(), Optional.of(now));
  }

  /** The instance's configuration judged as a batch of one; {@code sent}: the instance sent. */
  public record Judged(Batches.Batch batch, boolean sent) {}

  /**
   * The instance's effective site configuration judged in place of files (REDACTED there means "not
   * visible here", not a finding), under the release it names unless the command line named one
   * (SPEC §2). {@code sendTo}: --probe --to without --password-env, the instance asked to send;
   * {@code probing}: otherwise a local probe follows, which needs the username.
   */
  public static Judged judge(
      Environment environment,
      Settings base,
      InstanceRun run,
      Optional<String> sendTo,
      boolean probing,
      boolean debug)
      throws java.io.IOException {
    Set<String> disabled = new HashSet<>(base.disabled());
    disabled.add(Catalogue.REDACTED_VALUE);
    InstanceRun.Fetched fetched = run.fetch();
    Settings settings =
        new Settings(
            disabled,
            base.severity(),
            base.failOn(),
            base.passwordFromEnvironment(),
            base.release(),
            base.releaseFrom());
    // The instance names its own release, unless the command line named one (SPEC §2).
    Optional<SourcegraphVersion> running =
        fetched.productVersion().isPresent()
            ? SourcegraphVersion.parse(fetched.productVersion().get())
            : Optional.empty();
    if (running.isPresent()
        && running.get().compareTo(Releases.oldest()) >= 0
        && !base.releaseFrom().equals("--sourcegraph-version")) {
      settings = settings.judgingFor(running.get(), "the instance's productVersion");
    }
    Linter linter =
        new Linter(settings, EmailSchemaHolder.SUPPLIER, path -> false, environment.rules());
    UnitChecks checks = new UnitChecks(environment, linter, Optional.empty(), true, debug);
    Judgement unit =
        InstanceRun.withVerdict(
            environment,
            checks
                .check(List.of(new Unit.Instance(fetched.source())))
                .get(0)
                .judgement()
                .orElseThrow(),
            fetched.validationMessages(),
            settings);
    if (sendTo.isPresent() && unit.judged().isPresent()) {
      ProbeStep send = run.probe(sendTo.get());
      Judgement probed =
          unit.probed(checks.isolated(unit.name(), () -> linter.probe(unit.judged().get(), send)));
      return new Judged(new Batches.Batch(settings, linter, checks, List.of(probed)), true);
    }
    if (probing) {
      unit.judged().ifPresent(InstanceRun::requireVisibleUsername);
    }
    return new Judged(new Batches.Batch(settings, linter, checks, List.of(unit)), false);
  }
}
