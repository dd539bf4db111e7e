package dev.smtplint.report.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.report.ProbeStage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A step not taken is not shown as passed: no ✓ for "starttls not offered" or "nothing sent". */
class StageLineTest {
  @Test
  void aSkippedStepHasItsOwnMark() {
    TextFormat unicode = new TextFormat(false, true, Optional.empty(), false);
    String skipped =
        unicode.stageLine(new ProbeStage("data", true, 3, "nothing sent (no --to)", true));
    assertTrue(skipped.startsWith("– data"), skipped);
    assertFalse(skipped.contains("✓"), skipped);
    assertTrue(unicode.stageLine(new ProbeStage("ehlo", true, 3, "250 ok")).startsWith("✓ ehlo"));
    TextFormat ascii = new TextFormat(false, false, Optional.empty(), false);
    assertTrue(
        ascii
            .stageLine(new ProbeStage("starttls", true, 1, "not offered", true))
            .startsWith("skip"));
  }
}
