package dev.smtplint.run;

import dev.smtplint.manifest.Manifest;
import java.io.IOException;
import java.util.Optional;

/** Standard input looked at before it is read. */
public final class StandardInput {
  private StandardInput() {}

  /** The environment whose standard input was looked at and put back, and whether it is YAML. */
  public record Peeked(Environment environment, boolean yaml) {}

  /**
   * Whether standard input is YAML ({@code helm template … | smtplint lint -}): by the name {@code
   * --stdin-filename} gives it, else by its first 64 KiB, looked at and put back.
   */
  public static Peeked peek(Environment environment, Optional<String> name) throws IOException {
    if (name.isPresent()) {
      return new Peeked(environment, Manifest.isYamlName(name.get()));
    }
    java.io.BufferedInputStream in = new java.io.BufferedInputStream(environment.in(), 1 << 16);
    in.mark(1 << 16);
    byte[] head = in.readNBytes(1 << 16);
    in.reset();
    boolean yaml =
        Manifest.looksLikeYaml(new String(head, java.nio.charset.StandardCharsets.UTF_8));
    return new Peeked(
        new Environment(
            environment.out(),
            environment.err(),
            in,
            environment.env(),
            environment.terminal(),
            environment.rules()),
        yaml);
  }
}
