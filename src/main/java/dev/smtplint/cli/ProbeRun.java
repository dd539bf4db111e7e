package dev.smtplint.cli;

import dev.smtplint.check.Linter;
import dev.smtplint.config.EmailSettings;
import dev.smtplint.probe.ProbeListener;
import dev.smtplint.probe.ProbeOutcome;
import dev.smtplint.probe.ProbeSettings;
import dev.smtplint.probe.Prober;
import dev.smtplint.probe.Secret;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.ProbeResult;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.probe.CaFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** --probe: the command line's probe options, and the probe of each judged file (or merged list) that may be probed. */
final class ProbeRun {
  /** The environment variable that may name hosts for --password-env, as --allow-host does (comma-separated). */
  static final String ALLOW_HOSTS_ENV = "SMTPLINT_ALLOW_HOSTS";

  private final ProbeSettings.Options options;

  private ProbeRun(ProbeSettings.Options options) {
    this.options = options;
  }

  static ProbeRun create(String to, String passwordEnv, double timeoutSeconds, Path caFile, List<String> allowHosts,
      Map<String, String> env) {
    Optional<Secret> password = Optional.empty();
    if (passwordEnv != null) {
      String value = env.get(passwordEnv);
      if (value == null || value.isEmpty()) {
        throw new UsageException("--password-env: environment variable " + passwordEnv + " is not set");
      }
      password = Optional.of(new Secret(value));
    }
    Optional<CaFile> ca = Optional.empty();
    if (caFile != null) {
      try {
        ca = Optional.of(new CaFile(caFile.toString(), SourceLoader.readBounded(caFile, caFile.toString())));
      } catch (SourceLoader.UnreadableException e) {
        throw new UsageException("--ca-file " + e.getMessage());
      }
    }
    if (to != null && to.chars().anyMatch(c -> c == '\r' || c == '\n' || c == '<' || c == '>')) {
      throw new UsageException("--to takes a bare address");
    }
    Set<String> allowed = new HashSet<>(allowHosts);
    for (String host : env.getOrDefault(ALLOW_HOSTS_ENV, "").split(",")) {
      if (!host.isBlank()) {
        allowed.add(host.strip());
      }
    }
    return new ProbeRun(new ProbeSettings.Options(Optional.ofNullable(to), password,
        timeout(timeoutSeconds), ca, allowed));
  }

  /** --timeout as a duration: a number of seconds above 0 and up to an hour, else a usage error. */
  static Duration timeout(double seconds) {
    if (!(seconds > 0 && seconds <= 3600)) {
      throw new UsageException("--timeout takes a number of seconds between 0 and 3600");
    }
    return Duration.ofMillis((long) (seconds * 1000));
  }

  /** The judged files with the probe's outcome placed by the check, or "not run" when Sourcegraph would not send. */
  List<FileResult> probe(Linter.Judged judged, Linter linter, ProbeListener listener) {
    Optional<String> notRun = linter.whyNotProbed(judged);
    if (notRun.isPresent()) {
      return linter.notProbed(judged, notRun.get());
    }
    ProbeOutcome outcome;
    try {
      outcome = Prober.run(ProbeSettings.from(EmailSettings.of(judged.root().orElseThrow()), options), listener);
    } catch (Prober.OptionException e) {
      throw new UsageException(e.getMessage());
    }
    return linter.withProbe(judged, outcome.result(), outcome.failures());
  }
}
