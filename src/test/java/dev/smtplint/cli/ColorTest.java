package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.run.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour decided as other tools decide it, and "did you mean" for a mistyped command or option. */
class ColorTest {
  private static final String BAD = "testdata/bad/auth.jsonc";

  private static Run at(boolean terminal, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new Environment(
                new PrintWriter(out),
                new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]),
                env,
                terminal),
            args);
    return new Run(code, out.toString(), err.toString());
  }

  private static boolean coloured(Run run) {
    return run.out().contains("\u001b[");
  }

  @Test
  void colourFollowsTheOptionThenTheEnvironmentThenTheTerminal() {
    assertTrue(coloured(at(true, Map.of(), "lint", BAD)), "a terminal gets colour");
    assertFalse(coloured(at(false, Map.of(), "lint", BAD)), "a pipe does not");
    assertFalse(coloured(at(true, Map.of("TERM", "dumb"), "lint", BAD)), "nor a dumb terminal");
    assertFalse(coloured(at(true, Map.of("NO_COLOR", "1"), "lint", BAD)), "NO_COLOR turns it off");
    assertTrue(
        coloured(at(false, Map.of("FORCE_COLOR", "1"), "lint", BAD)),
        "FORCE_COLOR turns it on in a pipe");
    assertFalse(
        coloured(at(false, Map.of("FORCE_COLOR", "0"), "lint", BAD)), "FORCE_COLOR=0 does not");
    assertTrue(coloured(at(false, Map.of(), "lint", "--color", "always", BAD)), "--color always");
    assertFalse(
        coloured(at(true, Map.of("FORCE_COLOR", "1"), "lint", "--color", "never", BAD)),
        "--color never wins");
    assertFalse(
        coloured(at(true, Map.of(), "lint", "--no-color", BAD)), "--no-color is --color never");
    Run bad = at(false, Map.of(), "lint", "--color", "sometimes", BAD);
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--color takes auto, always or never"), bad.err());
  }

  @Test
  void mistypedCommandsAndOptionsGetASuggestion() {
    Run command = Run.of("lnt", BAD);
    assertEquals(2, command.code());
    assertTrue(
        command.err().contains("Did you mean") && command.err().contains("lint"), command.err());
    Run option = Run.of("lint", "--fromat", "json", BAD);
    assertEquals(2, option.code());
    assertTrue(option.err().contains("--format"), option.err());
  }
}
