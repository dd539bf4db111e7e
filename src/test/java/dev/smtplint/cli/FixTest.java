package dev.smtplint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.fix.FixRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * lint --fix, --unsafe-fixes and --diff: what they write, what they never touch, and when they
 * refuse.
 */
class FixTest {
  private static final Path TESTDATA =
      Path.of(System.getProperty("smtplint.root", ".")).resolve("testdata");

  @TempDir Path dir;

  /**
   * Every testdata file: fixing twice gives the bytes of fixing once, it still parses, and nothing
   * fixable remains.
   */
  @Test
  void everyTestdataFileFixesIdempotentlyAndCleanly() throws Exception {
    List<Path> files;
    try (Stream<Path> all = Files.walk(TESTDATA)) {
      files = all.filter(p -> p.toString().matches(".*\\.jsonc?$")).sorted().toList();
    }
    int changed = 0;
    for (Path original : files) {
      for (boolean unsafe : new boolean[] {false, true}) {
        Path copy = dir.resolve(unsafe + "-" + original.getFileName());
        Files.copy(original, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String[] fix =
            unsafe
                ? new String[] {"lint", "--fix", "--unsafe-fixes", copy.toString()}
                : new String[] {"lint", "--fix", copy.toString()};
        Run first = Run.of(fix);
        assertTrue(first.code() <= 1, original + ": " + first.all());
        byte[] once = Files.readAllBytes(copy);
        changed += java.util.Arrays.equals(once, Files.readAllBytes(original)) ? 0 : 1;
        Run.of(fix);
        assertArrayEquals(
            once, Files.readAllBytes(copy), original + ": a second --fix changed the file");
        JsonNode after =
            JsonMapper.shared().readTree(Run.of("lint", "--format", "json", copy.toString()).out());
        for (JsonNode f : after.path("files").path(0).path("findings")) {
          boolean wasInvalid =
              Run.of("lint", "--format", "json", original.toString())
                  .out()
                  .contains("\"rule\":\"invalid-json\"");
          assertTrue(
              !f.path("rule").asString().equals("invalid-json") || wasInvalid,
              original + ": no longer parses");
          String safety = f.path("fix").path("safety").asString("");
          assertFalse(
              safety.equals("safe") || unsafe && safety.equals("unsafe"),
              original + ": still fixable after --fix: " + f);
        }
      }
    }
    assertTrue(changed >= 10, "fixes applied to testdata files: " + changed);
  }

  /**
   * Generated documents — comments, CRLF or LF, a BOM or none, trailing commas, other keys with
   * non-ASCII text, a password — with fixable mistakes at known places: after --fix the file is
   * exactly the document with each mistake replaced by its repair, so every other byte, the
   * password included, is unchanged.
   */
  @Test
  void generatedDocumentsChangeOnlyAtTheirMistakes() throws Exception {
    Random random = new Random(20261125);
    for (int n = 0; n < 60; n++) {
      String nl = random.nextBoolean() ? "\r\n" : "\n";
      boolean bom = random.nextBoolean();
      StringBuilder before = new StringBuilder();
      StringBuilder after = new StringBuilder();
      both(before, after, "{" + nl + comment(random, nl));
      both(
          before,
          after,
          "  \"externalURL\": \"https://sg.bücher.example\"," + nl + comment(random, nl));
      mistake(random, before, after, "  \"Email.Address\"", "  \"email.address\"");
      both(before, after, ": \"sourcegraph@acme.io\"," + nl + comment(random, nl));
      both(before, after, "  \"email.smtp\": {" + nl + comment(random, nl));
      both(before, after, "    \"host\": ");
      mistake(random, before, after, "\"smtp://mail.acme.io:587/\"", "\"mail.acme.io\"");
      both(before, after, "," + nl + comment(random, nl) + "    \"port\": ");
      mistake(random, before, after, "\"587\"", "587");
      both(before, after, ", /* inline */ \"authentication\": ");
      mistake(random, before, after, "\"plain\"", "\"PLAIN\"");
      both(
          before,
          after,
          ","
              + nl
              + "    \"username\": \"apikey\","
              + nl
              + "    \"password\": \"pl\\u0061in-K8#Qw2 ü\","
              + nl);
      both(before, after, "    \"noVerifyTLS\": ");
      mistake(random, before, after, "\"false\"", "false");
      both(
          before,
          after,
          (random.nextBoolean() ? "," : "") + nl + "  }," + comment(random, nl) + nl + "}" + nl);
      Path file = dir.resolve("gen" + n + ".json");
      Files.write(file, bytes(before.toString(), bom));
      Run run = Run.of("lint", "--fix", file.toString());
      assertTrue(run.code() <= 1, run.all());
      assertArrayEquals(
          bytes(after.toString(), bom),
          Files.readAllBytes(file),
          "document " + n + ":\n" + before + "\nbecame\n" + Files.readString(file));
    }
  }

  private static void both(StringBuilder a, StringBuilder b, String text) {
    a.append(text);
    b.append(text);
  }

  /** A mistake, or (half of the time) the correct text already. */
  private static void mistake(
      Random random, StringBuilder before, StringBuilder after, String wrong, String right) {
    before.append(random.nextBoolean() ? wrong : right);
    after.append(right);
  }

  private static String comment(Random random, String nl) {
    return switch (random.nextInt(4)) {
      case 0 -> "  // a comment: \"plain\" is not a value here" + nl;
      case 1 -> "  /* \"port\": \"587\" */" + nl;
      case 2 -> nl;
      default -> "";
    };
  }

  private static byte[] bytes(String text, boolean bom) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (!bom) {
      return utf8;
    }
    byte[] out = new byte[utf8.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, out, 3, utf8.length);
    return out;
  }

  private Path bad(String name) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        """
            {
              "email.address": "sourcegraph@acme.io",
              "email.smtp": {"host": "mail.acme.io", "port": 465, "authentication": "plain", "username": "u", "password": "K8#Qw2-vR5tLz"}
            }
            """);
    return file;
  }

  /**
   * A file whose fix is unsafe: --diff shows nothing to fix, --fix leaves it, --fix --unsafe-fixes
   * fixes it (exit 0).
   */
  private Path fixedOnlyWhenUnsafe(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    assertEquals(0, Run.of("lint", "--diff", file.toString()).code(), "no safe fix");
    Run.of("lint", "--fix", file.toString());
    assertEquals(text, Files.readString(file), "unsafe: not without --unsafe-fixes");
    Run fixed = Run.of("lint", "--fix", "--unsafe-fixes", file.toString());
    assertEquals(0, fixed.code(), fixed.all());
    return file;
  }

  /**
   * SPEC §8: "Name <a@b>" becomes the bare address and email.senderName (when unset), only with
   * --unsafe-fixes.
   */
  @Test
  void aDisplayNameAddressMovesItsNameToSenderName() throws Exception {
    String text =
        """
            {
              "email.address": "Acme Sourcegraph <noreply@acme.io>",
              "email.smtp": {"host": "localhost", "port": 25, "authentication": "none"}
            }
            """;
    Path file = fixedOnlyWhenUnsafe("from.json", text);
    assertEquals(
        """
            {
              "email.senderName": "Acme Sourcegraph",
              "email.address": "noreply@acme.io",
              "email.smtp": {"host": "localhost", "port": 25, "authentication": "none"}
            }
            """,
        Files.readString(file));
    Files.writeString(file, text.replace("{\n", "{\n  \"email.senderName\": \"Kept\",\n"));
    Run.of("lint", "--fix", "--unsafe-fixes", file.toString());
    assertTrue(
        Files.readString(file)
            .contains("\"email.senderName\": \"Kept\",\n  \"email.address\": \"noreply@acme.io\""),
        "a name already set is kept: " + Files.readString(file));
  }

  /**
   * SPEC §8: where disableTLS is ignored rather than refused, renaming it switches verification
   * off: unsafe.
   */
  @Test
  void disableTlsBecomesNoVerifyTlsOnlyWithUnsafeFixes() throws Exception {
    String text =
        """
            {
              "email.address": "a@acme.io",
              "email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "none", "disableTLS": true}
            }
            """;
    Path file = fixedOnlyWhenUnsafe("disable.json", text);
    assertTrue(Files.readString(file).contains("\"noVerifyTLS\": true"), Files.readString(file));
  }

  @Test
  void safeByDefaultUnsafeOnRequestAndTheModeIsKept() throws Exception {
    Path file = bad("site.json");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Run run = Run.of("lint", "--fix", file.toString());
    assertEquals(1, run.code(), run.all()); // implicit-tls-port remains (its fix is unsafe)
    assertTrue(
        Files.readString(file).contains("\"authentication\": \"PLAIN\"")
            && Files.readString(file).contains("\"port\": 465"));
    assertTrue(run.err().contains("smtplint: fixed 1 problem in " + file), run.err());
    assertTrue(
        run.out().contains("[implicit-tls-port]") && !run.out().contains("[auth-unknown]"),
        "the report shows what remains: " + run.out());
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(0, Run.of("lint", "--fix", "--unsafe-fixes", file.toString()).code());
    assertTrue(Files.readString(file).contains("\"port\": 587"));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList(), "no temporary file is left beside it");
    }
  }

  @Test
  void diffShowsAndWritesNothing() throws Exception {
    Path file = bad("site.json");
    byte[] before = Files.readAllBytes(file);
    Run diff = Run.of("lint", "--diff", file.toString());
    assertEquals(1, diff.code(), diff.all());
    assertTrue(diff.out().startsWith("--- " + file + "\n+++ " + file + "\n@@ "), diff.out());
    assertTrue(
        diff.out()
            .contains(
                "\n-  \"email.smtp\": {\"host\": \"mail.acme.io\", \"port\": 465, \"authentication\": \"plain\""),
        diff.out());
    assertFalse(
        diff.out().contains("K8#Qw2-vR5tLz"), "the password is masked in the diff: " + diff.out());
    assertTrue(diff.out().contains("\"password\": ********"), diff.out());
    assertArrayEquals(before, Files.readAllBytes(file));
    Run.of("lint", "--fix", "--unsafe-fixes", file.toString());
    Run nothing = Run.of("lint", "--diff", file.toString());
    assertEquals(0, nothing.code(), nothing.all());
    assertEquals("", nothing.out());
  }

  /** A diff shows lines of the file: nothing in them may act on the terminal. */
  @Test
  void aDiffCannotActOnTheTerminal() throws Exception {
    Path file = dir.resolve("site.json");
    // C1 controls (U+009B is CSI) and bidi overrides may stand raw in a JSON string; C0 ones may
    // not.
    Files.writeString(
        file,
        """
            {"email.address": "a@acme.io", "email.senderName": "\u009b2J\u202eAcme", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "plain", "username": "u", "password": "K8#Qw2-vR5tLz"}}\r
            """);
    Run diff = Run.of("lint", "--diff", file.toString());
    assertEquals(1, diff.code(), diff.all());
    assertFalse(
        diff.out().contains("\u009b") || diff.out().contains("\u202e") || diff.out().contains("\r"),
        diff.out());
    assertTrue(diff.out().contains("+{\"email.address\""), diff.out());
  }

  @Test
  void standardInputGetsTheFixedTextOnStandardOutputAndTheReportOnStandardError() {
    Run run =
        Run.withInput(
            """
                {"email.address": "a@acme.io", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "none", "noVerifyTLS": "false"}}
                """,
            Map.of(),
            "lint",
            "--fix",
            "-");
    assertEquals(0, run.code(), run.all());
    assertEquals(
        """
            {"email.address": "a@acme.io", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "none", "noVerifyTLS": false}}
            """,
        run.out());
    assertTrue(run.err().contains("0 errors"), run.err());
  }

  @Test
  void aFileThatDoesNotParseGetsNoFix() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(
        file,
        """
        {"email.smtp": {"authentication": "plain", "port": "587"
        """);
    byte[] before = Files.readAllBytes(file);
    assertEquals(1, Run.of("lint", "--fix", "--unsafe-fixes", file.toString()).code());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aSymbolicLinkIsNeverWrittenThrough() throws Exception {
    Path target = bad("real.json");
    byte[] before = Files.readAllBytes(target);
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
    Run run = Run.of("lint", "--fix", link.toString());
    assertEquals(2, run.code(), run.all());
    assertTrue(run.err().contains("not fixed: it is a symbolic link"), run.err());
    assertTrue(
        run.out().contains("[auth-unknown] [*]"),
        "the report shows the file as it is, not as it would be: " + run.out());
    assertArrayEquals(before, Files.readAllBytes(target));
    assertTrue(Files.isSymbolicLink(link));
  }

  /**
   * Between reading and writing: the file vanished, or someone changed it. Both refused, nothing
   * written.
   */
  @Test
  void aFileThatVanishedOrChangedIsNotWritten() throws Exception {
    Path file = bad("site.json");
    SourceFile read = SourceLoader.load(file, "site.json");
    SourceFile fixed = read.withText(read.text().replace("\"plain\"", "\"PLAIN\""));
    Files.writeString(file, Files.readString(file) + " ");
    Optional<String> changed = FixRun.write(new FixRun.Changed(file, read, fixed, 1));
    assertTrue(changed.orElse("").contains("changed since smtplint read it"), changed.toString());
    assertTrue(Files.readString(file).contains("\"plain\""));
    Files.delete(file);
    Optional<String> gone = FixRun.write(new FixRun.Changed(file, read, fixed, 1));
    assertTrue(gone.orElse("").contains("no longer there"), gone.toString());
    assertFalse(Files.exists(file));
  }

  @Test
  void withMergeEachEditLandsInTheFileThatSuppliedTheValue() throws Exception {
    Path site = dir.resolve("site.json");
    Path secrets = dir.resolve("secrets.json");
    Files.writeString(site, "{\n  \"email.address\": \"sourcegraph@acme.io\"\n}\n");
    Files.writeString(
        secrets,
        """
            {
              "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "Cram-MD5", "username": "u", "password": "K8#Qw2-vR5tLz"}
            }
            """);
    byte[] siteBefore = Files.readAllBytes(site);
    Run run = Run.of("lint", "--fix", "--merge", site + ":" + secrets);
    assertEquals(0, run.code(), run.all());
    assertArrayEquals(siteBefore, Files.readAllBytes(site));
    assertTrue(
        Files.readString(secrets).contains("\"authentication\": \"CRAM-MD5\""),
        Files.readString(secrets));
    assertTrue(Files.readString(secrets).contains("\"password\": \"K8#Qw2-vR5tLz\""));
  }

  /**
   * The settings' SITE_CONFIG_FILE list is fixed as it is linted: whole, each edit in the file that
   * supplied the value.
   */
  @Test
  void theSettingsSiteConfigListIsFixedWhole() throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        dir.resolve("config/site.json"), "{\n  \"email.address\": \"sourcegraph@acme.io\"\n}\n");
    Files.writeString(
        dir.resolve("config/secrets.json"),
        """
            {
              "email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "Plain", "username": "u", "password": "K8#Qw2-vR5tLz"}
            }
            """);
    Files.writeString(
        dir.resolve(".smtplint.json"),
        """
            {"siteConfig": ["config/site.json", "config/secrets.json"]}
            """);
    Run run = Forked.run(dir, Map.of(), List.of(), "lint", "--fix", "config/site.json");
    assertTrue(run.code() <= 1, run.all());
    assertTrue(
        Files.readString(dir.resolve("config/secrets.json"))
            .contains("\"authentication\": \"PLAIN\""),
        run.all());
  }

  @Test
  void fixesAreInTheJsonAndTheirOffsetsAreBytes() throws Exception {
    Path file = dir.resolve("bom.json");
    String text =
        """
            {"email.address": "ü@acme.io", "email.smtp": {"host": "mail.acme.io", "port": 587, "authentication": "none", "noVerifyTLS": "true"}}""";
    Files.write(file, bytes(text, true));
    JsonNode f =
        JsonMapper.shared()
            .readTree(Run.of("lint", "--format", "json", file.toString()).out())
            .path("files")
            .path(0)
            .path("findings")
            .path(0);
    JsonNode edit = f.path("fix").path("edits").path(0);
    assertEquals("safe", f.path("fix").path("safety").asString(), f.toString());
    byte[] raw = Files.readAllBytes(file);
    String replaced =
        new String(
            raw, edit.path("offset").asInt(), edit.path("length").asInt(), StandardCharsets.UTF_8);
    assertEquals(
        "\"true\"", replaced, "offset and length are bytes of the file, BOM and ü included");
    assertEquals("true", edit.path("replacement").asString());
  }

  /**
   * A repeat that says the same is removed (its line, or up to a comment after it); different
   * values are left to the admin.
   */
  @Test
  void aRepeatWithTheSameValueIsRemovedKeepingComments() throws Exception {
    Path file = dir.resolve("dup.json");
    Files.writeString(
        file,
        "{\r\n  \"email.address\": \"a@acme.io\",\r\n  \"email.smtp\": {\r\n    \"host\": \"mail.acme.io\",\r\n"
            + "    \"port\": 587, // the first one\r\n    \"authentication\": \"none\",\r\n    \"authentication\": \"none\",\r\n"
            + "    \"port\": 587,\r\n    \"noVerifyTLS\": true,\r\n    \"noVerifyTLS\": false\r\n  }\r\n}\r\n");
    Run run = Run.of("lint", "--fix", file.toString());
    assertEquals(
        "{\r\n  \"email.address\": \"a@acme.io\",\r\n  \"email.smtp\": {\r\n    \"host\": \"mail.acme.io\",\r\n"
            + "    // the first one\r\n    \"authentication\": \"none\",\r\n"
            + "    \"port\": 587,\r\n    \"noVerifyTLS\": true,\r\n    \"noVerifyTLS\": false\r\n  }\r\n}\r\n",
        Files.readString(file));
    assertTrue(
        run.out().contains("[duplicate-key]") && run.out().contains("\"noVerifyTLS\" is repeated"),
        "different values stay a finding: " + run.out());
  }

  /**
   * The SES endpoint meant, for the API host or a misspelt region: another host, so only with
   * --unsafe-fixes.
   */
  @Test
  void theSesEndpointIsAnUnsafeFix() throws Exception {
    for (String[] c :
        new String[][] {
          {"email.eu-west-1.amazonaws.com", "email-smtp.eu-west-1.amazonaws.com"},
          {"email-smtp.us-east1.amazonaws.com", "email-smtp.us-east-1.amazonaws.com"}
        }) {
      Path file = dir.resolve("ses.json");
      Files.writeString(
          file,
          "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": \""
              + c[0]
              + "\", \"port\": 587, "
              + "\"authentication\": \"none\"}}\n");
      Run.of("lint", "--fix", file.toString());
      assertTrue(Files.readString(file).contains(c[0]), "not a safe fix");
      Run.of("lint", "--fix", "--unsafe-fixes", file.toString());
      assertTrue(
          Files.readString(file).contains("\"host\": \"" + c[1] + "\""), Files.readString(file));
    }
  }

  /**
   * The SES API host with the port written into it and port 465: the host fix, the SES endpoint fix
   * and the port fix land in one run (a fix exposes the next finding; the run fixes again).
   */
  @Test
  void sesHostAndPortAreFixedInOneRun() throws Exception {
    Path file = dir.resolve("ses-port.json");
    Files.writeString(
        file,
        """
            {"email.address": "a@acme.io", "email.smtp": {"host": "email.us-east-1.amazonaws.com:465", \
            "port": 465, "authentication": "none"}}
            """);
    Run run = Run.of("lint", "--fix", "--unsafe-fixes", file.toString());
    assertEquals(0, run.code(), run.all());
    assertTrue(run.err().contains("fixed 3 problems"), run.all());
    assertEquals(
        """
            {"email.address": "a@acme.io", "email.smtp": {"host": "email-smtp.us-east-1.amazonaws.com", \
            "port": 587, "authentication": "none"}}
            """,
        Files.readString(file));
  }

  @Test
  void optionsThatDoNotGoTogether() {
    assertEquals(2, Run.of("lint", "--unsafe-fixes", "x.json").code());
    assertEquals(2, Run.of("lint", "--fix", "--diff", "x.json").code());
    assertEquals(2, Run.of("lint", "--fix", "--probe", "x.json").code());
  }

  /**
   * A password is never the target of an edit, even where a rule would like to change its value.
   */
  @Test
  void noFixTouchesACredential() throws Exception {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTDATA)) {
      for (Path p : files.filter(x -> x.toString().matches(".*\\.jsonc?$")).toList()) {
        all.add(Run.of("lint", "--format", "json", p.toString()).out());
      }
    }
    for (String out : all) {
      for (JsonNode file : JsonMapper.shared().readTree(out).path("files")) {
        for (JsonNode f : file.path("findings")) {
          assertFalse(
              f.has("fix")
                  && (f.path("pointer").asString().endsWith("/password")
                      || f.path("pointer").asString().endsWith("/username")),
              f.toString());
        }
      }
    }
  }
}
