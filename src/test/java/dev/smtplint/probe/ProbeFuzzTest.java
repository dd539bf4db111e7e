package dev.smtplint.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.ProbeFailure;
import dev.smtplint.report.ProbeOutcome;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzzer of server behaviour: at every step the server answers with the right reply, a
 * random code, a malformed or truncated line, a multi-line mess, a stray challenge, or hangs up.
 * Whatever it does, the probe ends with a verdict (passed, or a probe-* finding at a setting) and
 * never an exception: no server behaviour may become smtplint's internal error (exit 3). {@code
 * -Dsmtplint.probefuzz.iterations=N} runs more; {@code -Dsmtplint.probefuzz.seed=S} another seed.
 */
class ProbeFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("smtplint.probefuzz.iterations", 2_000);
  private static final long SEED = Long.getLong("smtplint.probefuzz.seed", 20261125L);
  private static final String PASSWORD = "fuzz-Pa55word-secret";

  @Test
  void everyServerBehaviourEndsInAVerdict() throws Exception {
    AtomicLong conversation = new AtomicLong();
    try (ScriptedServer server =
        new ScriptedServer(
            (in, out, socket) -> play(new Random(SEED + conversation.get()), in, out))) {
      Random settings = new Random(SEED);
      for (int i = 0; i < ITERATIONS; i++) {
        conversation.set(i);
        String auth = List.of("none", "PLAIN", "CRAM-MD5").get(settings.nextInt(3));
        Optional<String> to =
            settings.nextBoolean() ? Optional.of("rcpt@acme.io") : Optional.empty();
        ProbeSettings s =
            new ProbeSettings(
                "localhost",
                server.port(),
                "sg.acme.io",
                auth,
                "sourcegraph",
                new Secret(PASSWORD),
                true,
                false,
                "sourcegraph@acme.io",
                to.map(List::of).orElse(List.of()),
                Duration.ofMillis(500),
                Optional.empty(),
                "",
                List.of(),
                false,
                GoTls.NEWEST,
                GoRoots.NONE);
        ProbeOutcome outcome;
        try {
          outcome = Prober.run(s);
        } catch (RuntimeException | Prober.OptionException e) {
          fail("conversation " + i + " (seed " + SEED + "): " + e, e);
          return;
        }
        boolean failedStage = outcome.result().stages().stream().anyMatch(st -> !st.ok());
        boolean hasFinding =
            outcome.failures().stream().anyMatch(f -> f.check() != ProbeCheck.AUTH_NOT_OFFERED);
        assertTrue(
            outcome.result().ok() != (failedStage || hasFinding),
            "conversation " + i + ": " + outcome);
        if (failedStage) {
          assertTrue(
              hasFinding, "conversation " + i + " failed a stage without a finding: " + outcome);
        }
        for (ProbeFailure f : outcome.failures()) {
          assertTrue(f.pointer() != null && !f.message().isBlank(), f.toString());
          assertFalse(f.message().contains(PASSWORD), f.message());
        }
        outcome.result().transcript().forEach(line -> assertFalse(line.contains(PASSWORD), line));
      }
    }
  }

  /** One conversation of the fuzzed server. */
  private static void play(Random r, BufferedReader in, OutputStream out) throws Exception {
    if (!reply(r, out, "220 fuzz.test ESMTP")) {
      return;
    }
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.split(" ")[0].toUpperCase();
      String good =
          switch (verb) {
            case "EHLO" -> "250-fuzz.test\r\n" + extensions(r);
            case "AUTH" -> r.nextBoolean() ? "235 2.7.0 ok" : "334 " + challenge(r);
            case "DATA" -> "354 go ahead";
            case "QUIT" -> "221 bye";
            case "STARTTLS" ->
                "220 ready"; // then the client's handshake meets plain text: a TLS failure
            default ->
                line.length() > 20 && !line.contains(":") && !line.contains(" ")
                    ? "235 2.7.0 ok"
                    : "250 ok";
          };
      if (!reply(r, out, good) || verb.equals("QUIT")) {
        return;
      }
    }
  }

  /** The right reply most of the time, something else often enough; false: hang up. */
  private static boolean reply(Random r, OutputStream out, String good) throws Exception {
    int pick = r.nextInt(20);
    String text =
        switch (pick) {
          case 0 -> null;
          case 1 -> (200 + r.nextInt(400)) + " random";
          case 2 -> "garbage without a code";
          case 3 -> "";
          case 4 -> "25";
          case 5 -> "250-first line\r\n550 then a refusal";
          case 6 -> "250-continued but never finished";
          case 7 -> "334 " + challenge(r);
          case 8 -> "334 not*base64!";
          case 9 -> "421 4.3.2 going away";
          case 10 -> (r.nextBoolean() ? "535 5.7.8 " : "530 5.7.0 ") + "x".repeat(r.nextInt(3000));
          case 11 -> "252 2.1.5 cannot VRFY, will accept";
          case 12 -> "\u0000\u001b[2J250 weird bytes\u0085";
          default -> good;
        };
    if (text == null) {
      return false;
    }
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return pick != 6;
  }

  private static String extensions(Random r) {
    String[] offers = {
      "AUTH PLAIN",
      "AUTH CRAM-MD5",
      "AUTH PLAIN CRAM-MD5",
      "AUTH LOGIN",
      "8BITMIME",
      "SMTPUTF8",
      "STARTTLS",
      "SIZE 1000",
      "AUTH=PLAIN",
      "auth plain"
    };
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append("250-").append(offers[r.nextInt(offers.length)]).append("\r\n");
    }
    return b.append("250 HELP").toString();
  }

  private static String challenge(Random r) {
    byte[] bytes = new byte[1 + r.nextInt(40)];
    r.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
