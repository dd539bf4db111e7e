package dev.smtplint.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.config.JsonValue;
import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only say "certainly valid" where the full validator finds nothing: held to
 * networknt on every testdata file and on thousands of generated email settings. And it must say so
 * for the good testdata, or the fast path would never be taken.
 */
class QuickCheckTest {
  private static final EmailSchema SCHEMA = EmailSchema.load();
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final String[] VALUES = {
    "\"\"",
    "\"x\"",
    "\"PLAIN\"",
    "\"plain\"",
    "\"none\"",
    "\"CRAM-MD5\"",
    "587",
    "0",
    "65535",
    "65536",
    "-1",
    "587.0",
    "1e3",
    "true",
    "false",
    "null",
    "[]",
    "{}",
    """
        [{"key": "X-A", "value": "b"}]""",
    """
        [{"key": "X-A"}]""",
    """
        [{"key": "X-A", "value": "b", "sensitive": true, "extra": 1}]""",
    "[\"x\"]",
    """
        {"subject": "s", "html": "h"}""",
    """
        {"subject": "s"}""",
    """
        {"subject": 1, "html": "h"}""",
    """
        {"subject": "s", "html": "h", "text": 2, "other": 3}"""
  };
  private static final String[] SMTP_KEYS = {
    "host",
    "port",
    "username",
    "password",
    "authentication",
    "domain",
    "noVerifyTLS",
    "additionalHeaders",
    "disableTLS",
    "Host"
  };

  // disableTLS and Host are not properties of email.smtp: valid("disableTLS") is still a string,
  // which the schema rejects.

  private static String valid(String key) {
    return switch (key) {
      case "host" -> "\"smtp.acme.io\"";
      case "port" -> "587";
      case "authentication" -> "\"PLAIN\"";
      case "noVerifyTLS" -> "false";
      case "additionalHeaders" ->
          """
          [{"key": "X-A", "value": "b", "sensitive": true}]""";
      default -> "\"text\"";
    };
  }

  private static JsonValue.Obj parse(String text) {
    return (JsonValue.Obj) JsoncReader.read(SourceFile.of("t.json", text)).root().orElseThrow();
  }

  /** The pointers QuickCheck may take as explained by a rule: the only ones it excuses. */
  private static final Set<String> EXCUSABLE =
      Set.of("/email.smtp/authentication", "/email.smtp/host");

  private static void agree(JsonValue.Obj root, String what) {
    if (QuickCheck.certainlyValid(root)) {
      assertTrue(
          SCHEMA.validate(root).isEmpty(),
          "the fast path passed what the schema rejects: " + what + " -> " + SCHEMA.validate(root));
    }
    // With pointers a rule has explained, the schema may find fault there and nowhere else.
    for (Set<String> explained :
        List.of(EXCUSABLE, Set.of("/email.smtp/authentication"), Set.of("/email.smtp/host"))) {
      if (QuickCheck.certainlyValidBut(root, explained)) {
        for (SchemaViolation v : SCHEMA.validate(root)) {
          assertTrue(
              explained.contains(v.subject()),
              "the fast path excused more than " + explained + ": " + what + " -> " + v);
        }
      }
    }
  }

  @Test
  void neverPassesWhatTheSchemaRejects() {
    Random r = new Random(13);
    int fastPathTaken = 0;
    int excused = 0;
    for (int i = 0; i < 5_000; i++) {
      StringBuilder smtp = new StringBuilder("{");
      for (String key : SMTP_KEYS) {
        boolean required = key.equals("host") || key.equals("port") || key.equals("authentication");
        boolean foreign = key.equals("disableTLS") || key.equals("Host");
        if (foreign ? r.nextInt(10) == 0 : r.nextInt(required ? 8 : 3) != 0) {
          String value = r.nextInt(4) != 0 ? valid(key) : VALUES[r.nextInt(VALUES.length)];
          smtp.append(smtp.length() > 1 ? ", " : "")
              .append('"')
              .append(key)
              .append("\": ")
              .append(value);
        }
      }
      smtp.append('}');
      String text =
          "{\"email.address\": "
              + (r.nextInt(4) == 0 ? VALUES[r.nextInt(VALUES.length)] : "\"a@acme.io\"")
              + ", \"email.smtp\": "
              + (r.nextInt(10) == 0 ? VALUES[r.nextInt(VALUES.length)] : smtp)
              + (r.nextBoolean()
                  ? ", \"email.templates\": {\"resetPassword\": "
                      + VALUES[r.nextInt(VALUES.length)]
                      + "}"
                  : "")
              + (r.nextBoolean()
                  ? ", \"email.senderName\": " + VALUES[r.nextInt(VALUES.length)]
                  : "")
              + (r.nextInt(5) == 0 ? ", \"email.smtps\": 1" : "")
              + "}";
      JsonValue.Obj root = parse(text);
      agree(root, text);
      fastPathTaken += QuickCheck.certainlyValid(root) ? 1 : 0;
      excused +=
          !QuickCheck.certainlyValid(root) && QuickCheck.certainlyValidBut(root, EXCUSABLE) ? 1 : 0;
    }
    assertTrue(fastPathTaken > 100, "generated cases the fast path took: " + fastPathTaken);
    // The excused cases themselves: a wrong authentication or an empty host in otherwise valid
    // settings.
    String[] auths = {
      "\"plain\"",
      "\"Plain\"",
      "\"LOGIN\"",
      "\"\"",
      "\"PLAIN \"",
      "\"cram-md5\"",
      "\"NONE\"",
      "\"PLAIN\"",
      "1",
      "null"
    };
    for (String auth : auths) {
      for (String host : new String[] {"\"\"", "\"smtp.acme.io\"", "1"}) {
        String text =
            "{\"email.address\": \"a@acme.io\", \"email.smtp\": {\"host\": "
                + host
                + ", \"port\": 587, "
                + "\"authentication\": "
                + auth
                + ", \"username\": \"u\"}}";
        JsonValue.Obj root = parse(text);
        agree(root, text);
        excused +=
            !QuickCheck.certainlyValid(root) && QuickCheck.certainlyValidBut(root, EXCUSABLE)
                ? 1
                : 0;
      }
    }
    assertTrue(
        excused >= 15,
        "cases the fast path took only because a rule explained the doubt: " + excused);
  }

  @Test
  void agreesOnEveryTestdataFileAndTakesTheGoodOnes() throws Exception {
    try (Stream<Path> walk = Files.walk(ROOT.resolve("testdata"))) {
      for (Path p :
          walk.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonc"))
              .toList()) {
        SourceFile source = SourceLoader.load(p, p.toString());
        if (JsoncReader.read(source).root().orElse(null) instanceof JsonValue.Obj root) {
          agree(root, p.toString());
          if (p.startsWith(ROOT.resolve("testdata/good"))
              && root.members().stream().anyMatch(m -> m.key().startsWith("email."))) {
            assertTrue(
                QuickCheck.certainlyValid(root) || !SCHEMA.validate(root).isEmpty(),
                "the fast path misses " + p);
          }
        }
      }
    }
    assertTrue(
        QuickCheck.certainlyValid(
            parse(Files.readString(ROOT.resolve("testdata/good/full-site-config.jsonc")))));
  }
}
