package dev.smtplint.cli;

import dev.smtplint.run.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes what the release archive ships beside the jar, from the same picocli model the program
 * parses with (so options, subcommands and their help cannot drift): AsciiDoc man pages (rendered
 * to troff by Asciidoctor's manpage backend in the build) and bash and zsh completion. Run by the
 * build ({@code exec-maven-plugin}, phase prepare-package); a build tool, not part of the program.
 */
public final class DistributionDocs {
  private DistributionDocs() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    CommandLine cli =
        Main.create(
            new Environment(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]),
                Map.of(),
                false),
            "");
    Path adoc = Files.createDirectories(out.resolve("adoc"));
    int code =
        ManPageGenerator.generateManPage(
            adoc.toFile(), null, new boolean[0], true, cli.getCommandSpec());
    if (code != 0) {
      throw new IOException("ManPageGenerator failed with " + code);
    }
    // The pages are generated from classes, not the jar, so the version comes from the build.
    try (var pages = Files.list(adoc)) {
      for (Path page : pages.toList()) {
        Files.writeString(
            page, Files.readString(page).replace("smtplint dev", "smtplint " + args[1]));
      }
    }
    String bash = withFileNames(AutoComplete.bash("smtplint", cli));
    if (!bash.contains("# FILE: file names")) {
      throw new IOException("the lint completion no longer has the shape withFileNames expects");
    }
    Path completion = Files.createDirectories(out.resolve("completion"));
    Files.writeString(completion.resolve("smtplint.bash"), bash, StandardCharsets.UTF_8);
    // zsh runs bash completion scripts through its bashcompinit layer, as picocli documents.
    Files.writeString(
        completion.resolve("smtplint.zsh"),
        "#compdef smtplint\n"
            + "# zsh: source this file from ~/.zshrc (it loads zsh's bash-completion layer first).\n"
            + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
            + bash,
        StandardCharsets.UTF_8);
  }

  /**
   * picocli completes a String parameter with nothing: lint's FILE and --merge get file names, as
   * --ca-file (a Path) does. Only the lint function is changed.
   */
  static String withFileNames(String bash) {
    int start = bash.indexOf("function _picocli_smtplint_lint()");
    int end = bash.indexOf("\n}\n", start);
    if (start < 0 || end < 0) {
      return bash;
    }
    String files =
        "      local IFS=$'\\n'\n"
            + "      type compopt &>/dev/null && compopt -o filenames\n"
            + "      COMPREPLY=( $( compgen -f -- \"${curr_word}\" ) ) # files\n"
            + "      return $?\n";
    String lint =
        bash.substring(start, end)
            .replace("    '--merge')\n      return\n", "    '--merge')\n" + files)
            .replace(
                "    COMPREPLY=( $(compgen -W \"${commands// /$'\\n'}${IFS}${positionals}\" -- \"${curr_word}\") )",
                "    # FILE: file names\n"
                    + "    type compopt &>/dev/null && compopt -o filenames\n"
                    + "    COMPREPLY=( $(compgen -f -- \"${curr_word}\") )");
    return bash.substring(0, start) + lint + bash.substring(end);
  }
}
