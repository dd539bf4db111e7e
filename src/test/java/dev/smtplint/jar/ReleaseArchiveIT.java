package dev.smtplint.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked into a directory that is then made read-only,
 * bin/smtplint symlinked into a directory on PATH, and the CLI run from another directory. Nothing
 * may be written into the install directory (as root, where permissions stop nothing, the listing
 * of the tree before and after is what proves it); the start-up archive goes to the user's cache
 * directory.
 */
class ReleaseArchiveIT {
  private static final Path ROOT = Path.of(System.getProperty("smtplint.root", "."));
  private static final String VERSION = System.getProperty("smtplint.version", "0.1.0");

  @TempDir static Path work;

  private static Path install;
  private static Path pathDir;
  private static Path cache;
  private static Map<String, FileTime> before;

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = ROOT.resolve("target/smtplint-" + VERSION + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), "mvn package builds " + archive);
    Path unpacked = Files.createDirectories(work.resolve("opt"));
    run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), work, Map.of());
    install = unpacked.resolve("smtplint-" + VERSION);
    try (Stream<Path> all = Files.walk(install)) {
      all.forEach(p -> p.toFile().setWritable(false, false));
    }
    pathDir = Files.createDirectories(work.resolve("path"));
    Files.createSymbolicLink(pathDir.resolve("smtplint"), install.resolve("bin/smtplint"));
    cache = work.resolve("cache");
    before = listing(install);
  }

  @AfterAll
  static void writableAgain() throws IOException {
    try (Stream<Path> all = Files.walk(install)) {
      all.forEach(p -> p.toFile().setWritable(true, true));
    }
  }

  @Test
  void holdsWhatTheIssueNames() throws IOException {
    for (String f :
        List.of(
            "bin/smtplint",
            "bin/smtplint.cmd",
            "lib/smtplint.jar",
            "completion/smtplint.bash",
            "completion/smtplint.zsh",
            "man/man1/smtplint.1",
            "man/man1/smtplint-lint.1",
            "README.md",
            "LICENSE",
            "schema/email-settings.schema.json",
            "examples/bad/seed-ses.jsonc",
            "examples/good/full-site-config.jsonc")) {
      assertTrue(Files.isRegularFile(install.resolve(f)), f);
    }
    assertTrue(Files.isExecutable(install.resolve("bin/smtplint")));
    // Every relative link of the shipped README leads to a file the archive ships.
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("\\]\\(([A-Za-z][^)#:\\s]*)\\)")
            .matcher(Files.readString(install.resolve("README.md")));
    List<String> broken = new ArrayList<>();
    while (link.find()) {
      if (!Files.isRegularFile(install.resolve(link.group(1)))) {
        broken.add(link.group(1));
      }
    }
    assertEquals(List.of(), broken, "README links that the archive does not ship");
    assertTrue(
        Files.readString(install.resolve("bin/smtplint.cmd")).contains("\r\n"),
        "Windows line ends");
    // The zip holds the same files as the tarball.
    List<String> zipped = new ArrayList<>();
    try (ZipFile zip = new ZipFile(ROOT.resolve("target/smtplint-" + VERSION + ".zip").toFile())) {
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> zipped.add(e.getName()));
    }
    List<String> tarred =
        before.keySet().stream()
            .filter(k -> !k.endsWith("/"))
            .map(k -> "smtplint-" + VERSION + "/" + k)
            .sorted()
            .toList();
    assertEquals(tarred, zipped.stream().sorted().toList());
  }

  @Test
  void runsThroughASymlinkOnPathFromAnotherDirectoryWithoutWritingItsOwn() throws Exception {
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Path bad = install.resolve("examples/bad/seed-ses.jsonc");
    Result lint = smtplint(elsewhere, "lint", bad.toString());
    assertEquals(1, lint.code, lint.out);
    assertTrue(lint.out.contains("error [placeholder-value]"), lint.out);
    assertTrue(lint.out.contains("\"password\": ********"), "masked: " + lint.out);
    assertEquals(0, smtplint(elsewhere, "lint", install.resolve("examples/good").toString()).code);
    Result version = smtplint(elsewhere, "--version");
    assertEquals("smtplint " + VERSION, version.out.strip());
    assertEquals(0, smtplint(elsewhere, "rules").code);
    Result explain = smtplint(elsewhere, "explain", "implicit-tls-port");
    assertTrue(explain.code == 0 && explain.out.contains("465"), explain.out);
    Result usage = smtplint(elsewhere, "lnt");
    assertTrue(usage.code == 2 && usage.out.contains("Did you mean"), usage.out);
    assertEquals(before, listing(install), "the install directory is unchanged");
    try (Stream<Path> made = Files.list(cache.resolve("smtplint"))) {
      assertTrue(
          made.anyMatch(p -> p.getFileName().toString().matches("smtplint-\\d+\\.(jsa|aot)")),
          "the start-up archive is kept in $XDG_CACHE_HOME/smtplint");
    }
  }

  @Test
  void theManPageRenders() throws Exception {
    assumeTrue(new File("/usr/bin/man").canExecute(), "man is not installed");
    Result man =
        run(
            List.of(
                "man", "-l", "-P", "cat", install.resolve("man/man1/smtplint-lint.1").toString()),
            work,
            Map.of("MANWIDTH", "100"));
    assertEquals(0, man.code, man.out);
    assertTrue(man.out.contains("SYNOPSIS") && man.out.contains("--fail-on"), man.out);
    Result top =
        run(
            List.of("man", "-l", "-P", "cat", install.resolve("man/man1/smtplint.1").toString()),
            work,
            Map.of());
    assertTrue(
        top.out.contains("COMMANDS")
            && top.out.contains("EXIT CODES")
            && top.out.contains("findings at or above --fail-on")
            && top.out.contains("smtplint " + VERSION),
        top.out);
  }

  /**
   * bash completes subcommands and option values from the shipped script, as a user's shell would.
   */
  @Test
  void bashCompletes() throws Exception {
    String script =
        "source "
            + install.resolve("completion/smtplint.bash")
            + "\n"
            + "COMP_WORDS=(smtplint li); COMP_CWORD=1; COMP_LINE='smtplint li'; COMP_POINT=${#COMP_LINE}\n"
            + "_complete_smtplint; echo \"sub: ${COMPREPLY[*]}\"\n"
            + "COMP_WORDS=(smtplint lint --format ''); COMP_CWORD=3; COMP_LINE='smtplint lint --format '; COMP_POINT=${#COMP_LINE}\n"
            + "_complete_smtplint 2>/dev/null; echo \"format: ${COMPREPLY[*]}\"\n"
            + "COMP_WORDS=(smtplint explain implicit-t); COMP_CWORD=2; COMP_LINE='smtplint explain implicit-t'; COMP_POINT=${#COMP_LINE}\n"
            + "_complete_smtplint 2>/dev/null; echo \"rule: ${COMPREPLY[*]}\"\n"
            + "COMP_WORDS=(smtplint lint exam); COMP_CWORD=2; COMP_LINE='smtplint lint exam'; COMP_POINT=${#COMP_LINE}\n"
            + "_complete_smtplint 2>/dev/null; echo \"file: ${COMPREPLY[*]}\"\n"
            + "COMP_WORDS=(smtplint lint --merge exam); COMP_CWORD=3; COMP_LINE='smtplint lint --merge exam'; COMP_POINT=${#COMP_LINE}\n"
            + "_complete_smtplint 2>/dev/null; echo \"merge: ${COMPREPLY[*]}\"\n";
    Result bash = run(List.of("bash", "-c", script), install, Map.of());
    assertEquals(0, bash.code, bash.out);
    assertTrue(bash.out.contains("sub: lint"), bash.out);
    assertTrue(bash.out.contains("format: text json sarif github junit"), bash.out);
    assertTrue(bash.out.contains("rule: implicit-tls-port"), bash.out);
    assertTrue(bash.out.contains("file: examples"), "FILE completes file names: " + bash.out);
    assertTrue(bash.out.contains("merge: examples"), "--merge completes file names: " + bash.out);
  }

  /**
   * The start-up cache is code run in the user's JVM: only a private, well-formed one is used
   * (docs/security.md).
   */
  @Test
  void aStartUpCacheOthersCanWriteIsNotUsed() throws Exception {
    Path shared = Files.createDirectories(work.resolve("shared-cache/smtplint"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Result run =
        smtplintWith(work, Map.of("XDG_CACHE_HOME", shared.getParent().toString()), "lint", bad());
    assertEquals(1, run.code, run.out);
    assertTrue(run.out.contains("not using the start-up cache " + shared), run.out);
    try (Stream<Path> made = Files.list(shared)) {
      assertEquals(0, made.count(), "nothing recorded where another user could replace it");
    }
  }

  @Test
  void aDamagedArchiveIsNeverACrashAndIsRecordedAgain() throws Exception {
    Path own = work.resolve("damaged-cache");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", own.toString());
    Result clean = smtplintWith(work, env, "lint", bad());
    assertEquals(1, clean.code);
    String findings = clean.out.substring(clean.out.indexOf(install.toString()));
    Path archive;
    try (Stream<Path> made = Files.list(own.resolve("smtplint"))) {
      archive =
          made.filter(p -> p.toString().matches(".*smtplint-\\d+\\.(jsa|aot)"))
              .findFirst()
              .orElseThrow();
    }
    archive.toFile().setWritable(true, true);
    try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
      Random random = new Random(1);
      for (int i = 0; i < 200; i++) {
        f.seek(4096 + random.nextInt((int) f.length() - 4096));
        f.write(random.nextInt(256));
      }
    }
    archive.toFile().setWritable(false, false);
    Result damaged = smtplintWith(work, env, "lint", bad());
    assertEquals(1, damaged.code, "the findings' exit code, not a crash (134/139): " + damaged.out);
    assertTrue(damaged.out.contains("error [placeholder-value]"), damaged.out);
    // Damage need not crash: a damaged archive once handed smtplint garbled constants (an
    // ExceptionInInitializerError, found by CI). The archive written since it was recorded is never
    // used.
    assertTrue(
        damaged.out.contains("changed since it was recorded: recording it again"), damaged.out);
    assertTrue(
        damaged.out.endsWith(findings),
        "the same report as with the intact archive: " + damaged.out);
    assertFalse(
        damaged.out.contains("SIGSEGV")
            || damaged.out.contains("Aborted")
            || damaged.out.contains("fatal error")
            || damaged.out.contains("Exception"),
        damaged.out);
    try (Stream<Path> left = Files.list(work)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")),
          "no JVM crash file in the working directory");
    }
    Result again = smtplintWith(work, env, "lint", bad());
    assertFalse(again.out.contains("recording"), "recorded once, then used: " + again.out);
    assertEquals(findings, again.out);

    // Something that is not a regular file at the archive's name is never used, nor retrained over
    // and over.
    Files.delete(archive);
    Files.createDirectory(archive);
    Result planted = smtplintWith(work, env, "lint", bad());
    assertEquals(1, planted.code, planted.out);
    assertTrue(
        planted.out.contains("not using " + archive + ": it is not a regular file"), planted.out);
    assertFalse(planted.out.contains("recording"), planted.out);
    try (Stream<Path> left = Files.list(own.resolve("smtplint"))) {
      assertTrue(
          left.noneMatch(p -> p.toString().endsWith(".tmp")),
          "no half-recorded archive left behind");
    }
  }

  @Test
  void aRelativeXdgCacheHomeIsIgnored() throws Exception {
    Path cwd = Files.createDirectories(work.resolve("relative-cwd"));
    Path home = Files.createDirectories(work.resolve("home"));
    Result run =
        smtplintWith(
            cwd, Map.of("XDG_CACHE_HOME", "cache", "HOME", home.toString()), "lint", bad());
    assertEquals(1, run.code, run.out);
    assertFalse(Files.exists(cwd.resolve("cache")), "nothing under the working directory");
    assertTrue(Files.isDirectory(home.resolve(".cache/smtplint")), "the XDG default instead");
  }

  private static String bad() {
    return install.resolve("examples/bad/seed-ses.jsonc").toString();
  }

  private static Result smtplintWith(Path cwd, Map<String, String> extra, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "smtplint \"$@\"", "smtplint"));
    command.addAll(List.of(args));
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "PATH",
                pathDir + File.pathSeparator + System.getenv("PATH"),
                "XDG_CACHE_HOME",
                cache.toString(),
                "JAVA_HOME",
                System.getProperty("java.home")));
    env.putAll(extra);
    return run(command, cwd, env);
  }

  private record Result(int code, String out) {}

  private static Result smtplint(Path cwd, String... args) throws Exception {
    // Through a shell, so that PATH (with the symlink first) finds it, as at a user's prompt.
    List<String> command = new ArrayList<>(List.of("bash", "-c", "smtplint \"$@\"", "smtplint"));
    command.addAll(List.of(args));
    return run(
        command,
        cwd,
        Map.of(
            "PATH",
            pathDir + File.pathSeparator + System.getenv("PATH"),
            "XDG_CACHE_HOME",
            cache.toString(),
            "JAVA_HOME",
            System.getProperty("java.home")));
  }

  private static Result run(List<String> command, Path cwd, Map<String, String> env)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(new HashMap<>(env));
    pb.environment().putIfAbsent("MANWIDTH", "100");
    if (env.containsKey("PATH")) {
      pb.environment().put("PATH", env.get("PATH"));
    }
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), command.toString());
    return new Result(p.exitValue(), out);
  }

  /**
   * Every file and directory below root with its modification time: a write anywhere changes it.
   */
  private static Map<String, FileTime> listing(Path root) throws IOException {
    Map<String, FileTime> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name =
            root.relativize(p).toString().replace(File.separatorChar, '/')
                + (Files.isDirectory(p) ? "/" : "");
        out.put(name, Files.getLastModifiedTime(p));
      }
    }
    return out;
  }
}
