package dev.smtplint.check;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.smtplint.Testdata;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.SourceLoader;
import dev.smtplint.report.Finding;
import dev.smtplint.schema.EmailSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Lints every file of testdata/ and compares the findings with the expectations written in it. */
class TestdataTest {
  private static final EmailSchema SCHEMA = EmailSchema.load();

  @TestFactory
  Stream<DynamicTest> everyFileProducesExactlyWhatItExpects() {
    List<Path> files = Testdata.files();
    assertTrue(files.size() >= 30, "testdata has " + files.size() + " files");
    return files.stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    Testdata.root().relativize(path).toString(), () -> check(path)));
  }

  private static void check(Path path) throws Exception {
    SourceFile source = SourceLoader.load(path, path.getFileName().toString());
    Settings settings = Settings.DEFAULT;
    var release = Testdata.release(source.lines());
    if (release.isPresent()) {
      settings =
          settings.judgingFor(
              dev.smtplint.config.SourcegraphVersion.parse(release.get()).orElseThrow(),
              "testdata");
    }
    List<Finding> actual =
        new Linter(settings, () -> SCHEMA).check(source).results().get(0).findings();
    List<Testdata.Expected> expected = new ArrayList<>(Testdata.expectations(source.lines()));
    List<String> unexpected = new ArrayList<>();
    for (Finding f : actual) {
      var match =
          expected.stream()
              .filter(e -> e.matches(f.rule(), f.location().line(), f.location().column()))
              .findFirst();
      if (match.isPresent()) {
        expected.remove(match.get());
      } else {
        unexpected.add(
            f.location().line()
                + ":"
                + f.location().column()
                + " "
                + f.rule()
                + " — "
                + f.message());
      }
    }
    if (!unexpected.isEmpty() || !expected.isEmpty()) {
      fail(path.getFileName() + "\n  unexpected: " + unexpected + "\n  missing: " + expected);
    }
  }
}
