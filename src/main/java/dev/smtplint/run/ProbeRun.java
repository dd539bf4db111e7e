package dev.smtplint.run;

import dev.smtplint.check.ProbeStep;
import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.probe.CaFile;
import dev.smtplint.probe.GoRoots;
import dev.smtplint.probe.GoTls;
import dev.smtplint.probe.ProbeListener;
import dev.smtplint.probe.ProbeSettings;
import dev.smtplint.probe.Prober;
import dev.smtplint.probe.Secret;
import dev.smtplint.report.ProbeOutcome;
import dev.smtplint.rules.Releases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * --probe: the command line's probe options, and the probe of each judged file (or merged list)
 * that may be probed.
 */
public final class ProbeRun {
  /**
   * The environment variable that may name hosts for --password-env, as --allow-host does
   * (comma-separated).
   */
  public static final String ALLOW_HOSTS_ENV = "SMTPLINT_ALLOW_HOSTS";

  private final ProbeSettings.Options options;

  /** The roots Go would read on this machine (SSL_CERT_FILE, SSL_CERT_DIR, the bundle). */
  private final GoRoots roots;

  private ProbeRun(ProbeSettings.Options options, GoRoots roots) {
    this.options = options;
    this.roots = roots;
  }

  /**
   * What the command line asked of the probe: --to, --password-env, --allow-host, --timeout,
   * --ca-file.
   */
  public record Request(
      Optional<String> to,
      Optional<String> passwordEnv,
      List<String> allowHosts,
      Duration timeout,
      Optional<Path> caFile) {}

  /**
   * The probe's options: the password read from the environment and the --ca-file read (once: it
   * may be a pipe).
   */
  public static ProbeRun create(Request options, Map<String, String> env) {
    Optional<Secret> password = Optional.empty();
    if (options.passwordEnv().isPresent()) {
      String value = env.get(options.passwordEnv().get());
      if (value == null || value.isEmpty()) {
        throw new UsageException(
            "--password-env: environment variable " + options.passwordEnv().get() + " is not set");
      }
      password = Optional.of(new Secret(value));
    }
    Optional<CaFile> ca = caFile(options);
    Set<String> allowed = new HashSet<>(options.allowHosts());
    for (String host : env.getOrDefault(ALLOW_HOSTS_ENV, "").split(",")) {
      if (!host.isBlank()) {
        allowed.add(host.strip());
      }
    }
    return new ProbeRun(
        new ProbeSettings.Options(options.to(), password, options.timeout(), ca, allowed),
        GoRoots.load(env));
  }

  /** The --ca-file this run read, if any. */
  public Optional<CaFile> caFile() {
    return options.caFile();
  }

  /** --ca-file read (once: it may be a pipe), for the probe or --instance's HTTPS. */
  public static Optional<CaFile> caFile(Request options) {
    Optional<CaFile> ca = Optional.empty();
    if (options.caFile().isPresent()) {
      Path caFile = options.caFile().get();
      try {
        ca =
            Optional.of(
                new CaFile(caFile.toString(), SourceLoader.readBounded(caFile, caFile.toString())));
      } catch (SourceLoader.UnreadableException e) {
        throw new UsageException("--ca-file " + e.getMessage());
      }
    }
    return ca;
  }

  /** --timeout as a duration: a number of seconds above 0 and up to an hour, else a usage error. */
  public static Duration timeout(double seconds) {
    if (!(seconds > 0 && seconds <= 3600)) {
      String shown =
          seconds == Math.rint(seconds) && !Double.isInfinite(seconds)
              ? String.valueOf((long) seconds)
              : String.valueOf(seconds);
      throw new UsageException(
          "--timeout takes a number of seconds above 0 and at most 3600 (10, 2.5), not " + shown);
    }
    return Duration.ofMillis((long) (seconds * 1000));
  }

  /**
   * What the judged release does that the probe does too (the newest where none is named): its
   * sender, the TLS settings it reads, its Go's verification. Where the table is not certain, the
   * probe does what the later release does.
   */
  static ProbeSettings.Release release(Optional<SourcegraphVersion> release, GoRoots roots) {
    return new ProbeSettings.Release(
        !no("domainInEhlo", release),
        !no("noVerifyTLS", release),
        !no("disableTLSSent", release) && no("disableTLSRemoved", release),
        new GoTls(
            !no("goCommonName", release),
            no("goCommonNameFinal", release),
            !no("go118", release),
            no("go122", release),
            !no("go120", release),
            no("go122", release)),
        roots);
  }

  private static boolean no(String fact, Optional<SourcegraphVersion> release) {
    return Releases.holds(fact, release) == Releases.Holds.NO;
  }

  /**
   * The SMTP probe of one unit, reporting its steps to {@code listener}: a bad probe option is a
   * usage error (exit 2).
   */
  public ProbeStep step(ProbeListener listener) {
    return new ProbeStep() {
      @Override
      public ProbeOutcome run(EmailSettings email) {
        try {
          return Prober.run(
              ProbeSettings.from(email, options, release(email.options().release(), roots)),
              listener);
        } catch (Prober.OptionException e) {
          throw new UsageException(e.getMessage());
        }
      }
    };
  }
}
