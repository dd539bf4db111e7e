package dev.smtplint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.report.FileResult;
import dev.smtplint.report.Finding;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Report;
import dev.smtplint.report.Severity;
import dev.smtplint.report.format.GithubFormat;
import dev.smtplint.report.format.JsonFormat;
import dev.smtplint.report.format.JunitFormat;
import dev.smtplint.report.format.SarifFormat;
import dev.smtplint.report.format.TextFormat;
import dev.smtplint.rules.Catalogue;
import dev.smtplint.schema.EmailSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A byte-level mutation fuzzer of reading, checking and every format, seeded from every file of
 * testdata/ with a password planted in each: flipped and inserted bytes, invalid UTF-8,
 * truncations, spliced and duplicated spans, CRLF, a BOM, deep nesting, thousands of keys, long
 * runs of one character, huge numbers, control characters. Every input must end in a report of the
 * right shape — never an exception — and no output may show the planted password or any 4-character
 * part of it that the input does not also hold elsewhere. Seeded, so a failure replays; a failing
 * input is written to target/fuzz-crashers/ to be kept in src/test/resources/fuzz-crashers/, which
 * every run replays. Longer runs: -Dsmtplint.fuzz.iterations=1000000 (and -Dsmtplint.fuzz.seed=N).
 */
class FuzzTest {
  private static final EmailSchema SCHEMA = EmailSchema.load();
  private static final Linter LINTER = new Linter(Settings.DEFAULT, () -> SCHEMA);
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  static final String PASSWORD = "Qz7#Vw9Kp$Lx";
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xFF},
    {(byte) 0xC3},
    {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
    {(byte) 0xC0, (byte) 0xAF}
  };

  @Test
  void mutatedTestdataNeverThrowsAndNeverShowsThePassword() throws Exception {
    int iterations =
        Integer.getInteger(
            "smtplint.fuzz.iterations", 1000); // verify's budget; longer runs by the property
    long seed = Long.getLong("smtplint.fuzz.seed", 20261125L);
    List<byte[]> seeds = seeds();
    assertTrue(seeds.size() >= 80, "seeds: " + seeds.size());
    Random random = new Random(seed);
    for (int i = 0; i < iterations; i++) {
      byte[] input =
          mutate(seeds.get(random.nextInt(seeds.size())), seeds, random, 1 + random.nextInt(4));
      try {
        checkEverything(input);
      } catch (Exception | StackOverflowError | AssertionError e) {
        Path kept = ROOT.resolve("target/fuzz-crashers/crasher-" + seed + "-" + i + ".bin");
        Files.createDirectories(kept.getParent());
        Files.write(kept, input);
        fail("input " + i + " (seed " + seed + ", kept in " + kept + ") failed: " + e, e);
      }
    }
  }

  /**
   * The same mutants wrapped as deployments hold site configs (a ConfigMap's literal block, a
   * Secret's stringData block and base64 data, a Deployment's environment beside them), with the
   * password also planted in a neighbouring key, a variable and comments, each linted through the
   * real command line from standard input in a format taken in turn: never an internal error or a
   * stack trace, and no output shows any 4-character part of the password that the mutant does not
   * hold apart from it. -Dsmtplint.fuzz.yaml=N for longer runs.
   */
  @Test
  void mutantsInManifestsNeverShowThePassword() throws Exception {
    int iterations = Integer.getInteger("smtplint.fuzz.yaml", 300);
    long seed = Long.getLong("smtplint.fuzz.seed", 20261207L);
    List<byte[]> seeds = seeds();
    Random random = new Random(seed);
    String[] formats = {"text", "json", "sarif", "github", "junit"};
    for (int i = 0; i < iterations; i++) {
      byte[] mutant =
          mutate(seeds.get(random.nextInt(seeds.size())), seeds, random, 1 + random.nextInt(3));
      String config = new String(mutant, StandardCharsets.UTF_8);
      String yaml = inManifest(config, mutant, i % 4);
      String format = formats[i % formats.length];
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          dev.smtplint.cli.Main.run(
              new String[] {"lint", "--format", format, "-"},
              new java.io.PrintWriter(out),
              new java.io.PrintWriter(err),
              new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
              java.util.Map.of(),
              false);
      String all = out + "\n" + err;
      try {
        assertTrue(code <= 2, "exit " + code + ":\n" + all);
        assertFalse(all.contains("\tat "), all);
        // the mutant's own text: the password spliced into another value is not planted there
        String elsewhere = ownText(config);
        for (int k = 0; k + 4 <= PASSWORD.length(); k++) {
          String part = PASSWORD.substring(k, k + 4);
          if (!elsewhere.contains(part)) {
            assertFalse(all.contains(part), "the output shows \"" + part + "\":\n" + all);
          }
        }
      } catch (AssertionError e) {
        Path kept = ROOT.resolve("target/fuzz-crashers/yaml-" + seed + "-" + i + ".yaml");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, yaml);
        fail("manifest " + i + " (seed " + seed + ", kept in " + kept + ") failed: " + e, e);
      }
    }
  }

  /** A mutant in one of four shapes, with the password beside it under secret names. */
  private static String inManifest(String config, byte[] bytes, int shape) {
    String block = "    " + config.replace("\r", "").replace("\n", "\n    ") + "\n";
    String neighbours =
        "  smtp-key: " + PASSWORD + " # was " + PASSWORD + "\n  # old password: " + PASSWORD + "\n";
    String head = "apiVersion: v1\nkind: ";
    String deployment =
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sourcegraph-frontend}\n"
            + "spec:\n  template:\n    spec:\n      containers:\n      - name: frontend\n"
            + "        env: [{name: SITE_CONFIG_FILE, value: /etc/sg/site.json},"
            + " {name: SMTP_PASSWORD, value: '"
            + PASSWORD
            + "'}] # "
            + PASSWORD
            + "\n        volumeMounts: [{name: c, mountPath: /etc/sg}]\n"
            + "      volumes: [{name: c, configMap: {name: sg}}]\n";
    return switch (shape) {
      case 0 ->
          head
              + "ConfigMap\nmetadata: {name: sg}\ndata:\n"
              + neighbours
              + "  site.json: |\n"
              + block;
      case 1 ->
          head + "Secret\nmetadata: {name: sg}\nstringData:\n  site.json: |\n" + block + neighbours;
      case 2 ->
          head
              + "Secret\nmetadata: {name: sg}\ndata:\n  site.json: "
              + java.util.Base64.getEncoder().encodeToString(bytes)
              + "\n"
              + neighbours;
      default ->
          head
              + "ConfigMap\nmetadata: {name: sg}\ndata:\n  site.json: |\n"
              + block
              + neighbours
              + deployment;
    };
  }

  /**
   * Inputs that once broke smtplint, found by fuzzing (ours and a stranger's): each must now pass
   * everything.
   */
  @Test
  void keptCrashersNeverThrow() throws Exception {
    List<Path> kept;
    try (Stream<Path> files = Files.list(ROOT.resolve("src/test/resources/fuzz-crashers"))) {
      kept = files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
    assertFalse(kept.isEmpty(), "the kept crashers are missing");
    for (Path p : kept) {
      checkEverything(Files.readAllBytes(p));
    }
  }

  /**
   * The spellings of the password's key the password is planted under: Go's (any case, ſ for s) and
   * the misspellings Sourcegraph ignores but an admin writes (SPEC §10: all are masked).
   */
  static final List<String> KEYS =
      List.of(
          "password",
          "Password",
          "PASSWORD",
          "pa\u017F\u017Fword",
          "pasword",
          "passwd",
          "pwd",
          "smtp_password");

  /**
   * Every file of testdata/, with the password planted as the value of email.smtp.password; and
   * again under each other spelling of the key, in turn, with the password repeated in a comment on
   * its line and, for every third file, written as an array.
   */
  private static List<byte[]> seeds() throws Exception {
    List<byte[]> out = new ArrayList<>();
    int n = 0;
    try (Stream<Path> walk = Files.walk(ROOT.resolve("testdata"))) {
      for (Path p :
          walk.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonc"))
              .sorted()
              .toList()) {
        byte[] bytes = Files.readAllBytes(p);
        String text =
            new String(bytes, StandardCharsets.ISO_8859_1); // byte for byte, whatever the encoding
        out.add(planted(text, "password", "\"" + PASSWORD + "\"", false));
        String key = KEYS.get(1 + n % (KEYS.size() - 1));
        String value = n % 3 == 0 ? "[\"" + PASSWORD + "\"]" : "\"" + PASSWORD + "\"";
        out.add(planted(text, key, value, true));
        n++;
      }
    }
    return out;
  }

  /**
   * The text with the password as the value of {@code key} in email.smtp (and, with {@code
   * comment}, in a comment above it).
   */
  private static byte[] planted(String text, String key, String written, boolean comment) {
    String keyBytes = new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    // On the member's own line, where a finding's excerpt shows it.
    String value = comment ? written + " /* the old one was " + PASSWORD + " */" : written;
    String member = "\"" + keyBytes + "\"$1:$2" + value.replace("$", "\\$");
    String planted = text.replaceAll("\"password\"(\\s*):(\\s*)\"[^\"\\n]*\"", member);
    if (planted.equals(text)) {
      planted =
          text.replaceFirst(
              "\"email\\.smtp\"(\\s*):(\\s*)\\{",
              "\"email.smtp\"$1:$2{ \"" + keyBytes + "\": " + value.replace("$", "\\$") + ",");
    }
    return planted.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] mutate(byte[] seed, List<byte[]> seeds, Random r, int edits) {
    ByteArrayOutputStream unused = new ByteArrayOutputStream();
    List<Byte> b = new ArrayList<>(seed.length + 64);
    for (byte x : seed) {
      b.add(x);
    }
    for (int e = 0; e < edits; e++) {
      int at = r.nextInt(b.size() + 1);
      switch (r.nextInt(13)) {
        case 0 -> { // flip a bit
          if (!b.isEmpty()) {
            int i = Math.min(at, b.size() - 1);
            b.set(i, (byte) (b.get(i) ^ (1 << r.nextInt(8))));
          }
        }
        case 1 -> b.add(at, (byte) r.nextInt(256));
        case 2 -> insert(b, at, INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]);
        case 3 -> b.subList(at, Math.min(b.size(), at + 1 + r.nextInt(16))).clear();
        case 4 -> b.subList(at, b.size()).clear(); // truncate
        case 5 -> { // splice a span of another seed
          byte[] other = seeds.get(r.nextInt(seeds.size()));
          int from = r.nextInt(other.length);
          insert(
              b,
              at,
              java.util.Arrays.copyOfRange(
                  other, from, Math.min(other.length, from + 1 + r.nextInt(80))));
        }
        case 6 -> { // duplicate a span of this input
          int from = r.nextInt(b.size() + 1);
          List<Byte> span =
              new ArrayList<>(b.subList(from, Math.min(b.size(), from + 1 + r.nextInt(120))));
          b.addAll(at, span);
        }
        case 7 ->
            insert(
                b,
                at,
                String.valueOf("0a\"\\ {[:,.-<\u001b".charAt(r.nextInt(13)))
                    .repeat(1 + r.nextInt(20_000))
                    .getBytes(StandardCharsets.UTF_8));
        case 8 -> { // CRLF line ends
          List<Byte> crlf = new ArrayList<>();
          for (byte x : b) {
            if (x == '\n') {
              crlf.add((byte) '\r');
            }
            crlf.add(x);
          }
          b = crlf;
        }
        case 9 -> insert(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        case 10 -> { // deep nesting
          int depth = 1 + r.nextInt(400);
          insert(
              b,
              at,
              ("[".repeat(depth) + "1" + "]".repeat(r.nextBoolean() ? depth : depth / 2))
                  .getBytes(StandardCharsets.US_ASCII));
        }
        case 11 -> { // many keys
          StringBuilder keys = new StringBuilder("\"email.k\": {");
          for (int k = 0, n = r.nextInt(5_000); k < n; k++) {
            keys.append("\"k").append(k).append("\": ").append(k).append(',');
          }
          insert(b, at, keys.append("},").toString().getBytes(StandardCharsets.US_ASCII));
        }
        default ->
            insert(
                b,
                at,
                (r.nextBoolean()
                        ? "9".repeat(50 + r.nextInt(120))
                        : "1e" + r.nextInt(1_000_000) + ".5")
                    .getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  private static void insert(List<Byte> b, int at, byte[] bytes) {
    List<Byte> add = new ArrayList<>(bytes.length);
    for (byte x : bytes) {
      add.add(x);
    }
    b.addAll(Math.min(at, b.size()), add);
  }

  /**
   * Read, check and every format (text with colour too); the JSON report's shape; the password's
   * absence.
   */
  static void checkEverything(byte[] input) throws Exception {
    SourceFile source = SourceLoader.load(new ByteArrayInputStream(input), "fuzz.json");
    FileResult result = LINTER.check(source).results().get(0);
    Report report = new Report("fuzz", List.of(result), Catalogue.infos());
    List<String> outputs = new ArrayList<>();
    for (var format :
        List.of(
            new TextFormat(false, true, Optional.empty(), true),
            new TextFormat(true, false, Optional.empty(), true),
            new JsonFormat(),
            new SarifFormat(Path.of("")),
            new GithubFormat(),
            new JunitFormat(Optional.of(Severity.ERROR)))) {
      StringWriter out = new StringWriter();
      format.write(report, out);
      outputs.add(out.toString());
    }
    JsonNode json = JsonMapper.builder().build().readTree(outputs.get(2));
    assertEquals("smtplint", json.get("tool").asString());
    for (JsonNode f : json.get("files").get(0).get("findings")) {
      assertTrue(
          f.get("rule").isString()
              && f.get("severity").isString()
              && f.get("message").isString()
              && f.get("line").asInt() >= 1
              && f.get("column").asInt() >= 1
              && f.get("pointer").isString(),
          f.toString());
    }
    assertEquals(
        result.findings().size(),
        json.get("summary").get("error").asInt()
            + json.get("summary").get("warning").asInt()
            + json.get("summary").get("info").asInt());
    assertPasswordAbsent(source.text(), outputs);
    checkFixes(source, result);
  }

  /**
   * Every fix, safe and unsafe, applied until nothing changes: it converges within ten passes,
   * leaves the planted password exactly as often as it was, and never makes a file that parsed stop
   * parsing.
   */
  private static void checkFixes(SourceFile source, FileResult first) {
    boolean parsed = first.findings().stream().noneMatch(f -> f.rule().equals("invalid-json"));
    long passwords = occurrences(source.text(), PASSWORD);
    SourceFile current = source;
    FileResult result = first;
    for (int pass = 0; ; pass++) {
      List<Fix> fixes =
          result.findings().stream().map(Finding::fix).flatMap(Optional::stream).toList();
      if (fixes.isEmpty()) {
        break;
      }
      assertTrue(pass < 10, "fixes do not converge: " + fixes);
      String fixed = Fixes.apply(current.text(), fixes);
      if (fixed.equals(current.text())) {
        break;
      }
      current = current.withText(fixed);
      result = LINTER.check(current).results().get(0);
    }
    assertEquals(passwords, occurrences(current.text(), PASSWORD), "a fix touched the password");
    boolean stillParses =
        result.findings().stream().noneMatch(f -> f.rule().equals("invalid-json"));
    assertTrue(!parsed || stillParses, "a fix broke the file:\n" + current.text());
  }

  private static long occurrences(String text, String needle) {
    long n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }

  /**
   * Whether the password stands whole after a key (as the mutated text spells it, quoted or not:
   * "passwerd", "p\uFFFDssword", a key whose quotes a mutation broke) that names a credential in
   * any spelling SPEC §10 masks: a misspelt key's value is still the password.
   */
  static boolean planted(String text) {
    for (int at = text.indexOf(PASSWORD); at >= 0; at = text.indexOf(PASSWORD, at + 1)) {
      String before = text.substring(Math.max(0, at - 80), at);
      int colon = before.lastIndexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = before.substring(0, colon).strip();
      key = key.endsWith("\"") ? key.substring(0, key.length() - 1) : key;
      int start =
          Math.max(
              Math.max(key.lastIndexOf('"'), key.lastIndexOf('{')),
              Math.max(key.lastIndexOf(','), key.lastIndexOf('\n')));
      if (dev.smtplint.config.SecretKeys.isSecret(key.substring(start + 1).strip())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The input without the password where it was planted (a whole string, the comment beside it):
   * what is left is the input's own text, and a password a mutation spliced into another value
   * ("sg@he old one was Qz7#…acme.io") is that value's text, which its messages quote.
   */
  private static String ownText(String text) {
    return text.replace("\"" + PASSWORD + "\"", "")
        .replace("/* the old one was " + PASSWORD + " */", "");
  }

  /**
   * Where the password stands whole as the value of a key that may not be shown, no output shows it
   * or any 4-character part of it, wherever else it stands (a comment, another value: every
   * occurrence of a password's text is masked), except parts the input holds apart from it.
   */
  private static void assertPasswordAbsent(String text, List<String> outputs) {
    if (!planted(text)) {
      return; // mangled out of its key: then it is the input's own text
    }
    String elsewhere = ownText(text);
    for (int i = 0; i + 4 <= PASSWORD.length(); i++) {
      String part = PASSWORD.substring(i, i + 4);
      if (elsewhere.contains(part)) {
        continue;
      }
      for (String output : outputs) {
        assertFalse(
            output.contains(part), "the output shows \"" + part + "\" of the password:\n" + output);
      }
    }
  }
}
