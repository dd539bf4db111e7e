package dev.smtplint.run;

import dev.smtplint.manifest.Manifest;
import java.io.IOException;

/** Standard input looked at before it is read. */
public final class StandardInput {
  private StandardInput() {}

  /** The environment whose standard input was looked at and put back, and whether it is YAML. */
  public record Peeked(Environment environment, boolean yaml) {}

  /**
   * Whether standard input is YAML ({@code helm template … | smtplint lint -}): its first 64 KiB
   * are looked at and put back.
   */
  public static Peeked peek(Environment environment) throws IOException {
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
