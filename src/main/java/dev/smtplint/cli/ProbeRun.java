package dev.smtplint.cli;

import dev.smtplint.check.Linter;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import dev.smtplint.probe.Failure;
import dev.smtplint.probe.ProbeOutcome;
import dev.smtplint.probe.ProbeSettings;
import dev.smtplint.probe.Prober;
import dev.smtplint.probe.Secret;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Location;
import dev.smtplint.report.ProbeResult;
import dev.smtplint.report.Severity;
import dev.smtplint.rules.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** --probe: runs the probe for each file whose static check found no error, and locates its findings. */
final class ProbeRun {
  private final ProbeSettings.Options options;

  private ProbeRun(ProbeSettings.Options options) {
    this.options = options;
  }

  /** The environment variable that may name hosts for --password-env, as --allow-host does (comma-separated). */
  static final String ALLOW_HOSTS_ENV = "SMTPLINT_ALLOW_HOSTS";

  static ProbeRun create(String to, String passwordEnv, double timeoutSeconds, Path caFile, List<String> allowHosts,
      Map<String, String> env) {
    if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
      throw new UsageException("--timeout takes a number of seconds between 0 and 3600");
    }
    Optional<Secret> password = Optional.empty();
    if (passwordEnv != null) {
      String value = env.get(passwordEnv);
      if (value == null || value.isEmpty()) {
        throw new UsageException("--password-env: environment variable " + passwordEnv + " is not set");
      }
      password = Optional.of(new Secret(value));
    }
    if (caFile != null && !Files.isReadable(caFile)) {
      throw new UsageException("--ca-file " + caFile + ": no such file");
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
        Duration.ofMillis((long) (timeoutSeconds * 1000)), Optional.ofNullable(caFile), allowed));
  }

  FileResult probe(Linter.Checked checked, Linter linter) {
    return probe(checked.result(), checked.root(), hasErrors(List.of(checked.result())), linter);
  }

  /** Probes a merged SITE_CONFIG_FILE list; the probe's block goes to the file that supplied email.smtp. */
  List<FileResult> probe(Linter.MergedCheck merged, Linter linter) {
    boolean errors = hasErrors(merged.results());
    String smtpOwner = merged.owners().getOrDefault("email.smtp", merged.results().get(0).path());
    List<FileResult> out = new ArrayList<>();
    for (FileResult file : merged.results()) {
      out.add(file.path().equals(smtpOwner) ? probe(file, merged.root(), errors, linter) : file);
    }
    return out;
  }

  private static boolean hasErrors(List<FileResult> files) {
    return files.stream().flatMap(f -> f.findings().stream()).anyMatch(f -> f.severity() == Severity.ERROR);
  }

  private FileResult probe(FileResult result, Optional<JsonValue.Obj> tree, boolean errors, Linter linter) {
    Optional<JsonValue.Obj> root = tree.filter(r -> r.get("email.smtp").filter(JsonValue.Obj.class::isInstance).isPresent());
    if (errors || root.isEmpty()) {
      return result.withProbe(ProbeResult.notRun(), List.of());
    }
    ProbeOutcome outcome;
    try {
      outcome = Prober.run(ProbeSettings.from(root.get(), options));
    } catch (Prober.OptionException e) {
      throw new UsageException(e.getMessage());
    }
    List<Finding> findings = new ArrayList<>();
    for (Failure f : outcome.failures()) {
      findings.add(new Finding(f.rule(), Catalogue.info(f.rule()).severity(), f.message(),
          locate(root.get(), f.pointer(), result.path())));
    }
    return result.withProbe(outcome.result(), linter.settle(findings));
  }

  /** The value at the pointer, or the key of email.smtp when the setting is absent (an unset domain). */
  private static Location locate(JsonValue.Obj root, String pointer, String path) {
    Optional<JsonValue> value = pointer.isEmpty() ? Optional.empty() : JsonValue.at(root, pointer);
    if (value.isPresent()) {
      return Location.of(path, value.get().position(), pointer);
    }
    Position smtpKey = root.member("email.smtp").map(JsonValue.Member::keyPosition).orElse(root.position());
    return Location.of(path, smtpKey, pointer.isEmpty() ? "/email.smtp" : pointer);
  }
}
