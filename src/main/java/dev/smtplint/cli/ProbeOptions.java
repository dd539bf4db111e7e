package dev.smtplint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code lint}'s probe options, a picocli mixin: {@code --probe} and what goes with it. */
final class ProbeOptions {
  @Option(
      names = "--probe",
      description = "after the static checks, talk to each file's SMTP server as Sourcegraph would")
  boolean probe;

  @Option(
      names = "--to",
      paramLabel = "ADDRESS",
      description = "with --probe: also send one test message to ADDRESS")
  String to;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "with --probe: take the SMTP password from environment variable NAME")
  String passwordEnv;

  @Option(
      names = "--allow-host",
      paramLabel = "HOST",
      split = ",",
      description =
          "with --probe --password-env: a host the password may be sent to (repeatable; also SMTPLINT_ALLOW_HOSTS)")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      converter = Seconds.class,
      description =
          "with --probe: limit for each network step, in seconds (default: ${DEFAULT-VALUE})")
  double timeout;

  /**
   * --timeout: a number of seconds, "30s" too; anything else in words a user reads (not "'30s' is
   * not a double").
   */
  static final class Seconds implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String number = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
      try {
        return Double.parseDouble(number.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "--timeout takes a number of seconds (10, 2.5), not '" + value + "'");
      }
    }
  }

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description = "with --probe: also trust the CA certificates in this PEM file")
  Path caFile;

  @Option(
      names = {"-v", "--verbose"},
      description = "with --probe: print the SMTP transcript (AUTH redacted)")
  boolean verbose;
}
