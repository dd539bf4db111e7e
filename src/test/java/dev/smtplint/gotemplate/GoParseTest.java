package dev.smtplint.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Go's own test cases for text/template/parse (src/text/template/parse/parse_test.go: parseTests
 * and errorTests), run through smtplint's parser with the functions those tests define (printf,
 * contains). The cases of Go's expression and control-structure depth limits are left out: Go's
 * test lowers its maxStackDepth to 3, smtplint keeps its own bound. Each error case must fail with
 * Go's words.
 */
class GoParseTest {
  private static final Set<String> FUNCS = Set.of("contains");

  /** name, input, whether Go parses it. */
  private static final String[][] PARSE = {
    {"empty", "", "ok"},
    {"comment", "{{/*\n\n\n*/}}", "ok"},
    {"spaces", " \t\n", "ok"},
    {"text", "some text", "ok"},
    {"emptyAction", "{{}}", "error"},
    {"field", "{{.X}}", "ok"},
    {"simple command", "{{printf}}", "ok"},
    {"$ invocation", "{{$}}", "ok"},
    {"variable invocation", "{{with $x := 3}}{{$x 23}}{{end}}", "ok"},
    {"variable with fields", "{{$.I}}", "ok"},
    {"multi-word command", "{{printf `%d` 23}}", "ok"},
    {"pipeline", "{{.X|.Y}}", "ok"},
    {"pipeline with decl", "{{$x := .X|.Y}}", "ok"},
    {"nested pipeline", "{{.X (.Y .Z) (.A | .B .C) (.E)}}", "ok"},
    {"field applied to parentheses", "{{(.Y .Z).Field}}", "ok"},
    {"simple if", "{{if .X}}hello{{end}}", "ok"},
    {"if with else", "{{if .X}}true{{else}}false{{end}}", "ok"},
    {"if with else if", "{{if .X}}true{{else if .Y}}false{{end}}", "ok"},
    {"if else chain", "+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+", "ok"},
    {"simple range", "{{range .X}}hello{{end}}", "ok"},
    {"chained field range", "{{range .X.Y.Z}}hello{{end}}", "ok"},
    {"nested range", "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}", "ok"},
    {"range with else", "{{range .X}}true{{else}}false{{end}}", "ok"},
    {"range over pipeline", "{{range .X|.M}}true{{else}}false{{end}}", "ok"},
    {"range []int", "{{range .SI}}{{.}}{{end}}", "ok"},
    {"range 1 var", "{{range $x := .SI}}{{.}}{{end}}", "ok"},
    {"range 2 vars", "{{range $x, $y := .SI}}{{.}}{{end}}", "ok"},
    {"range with break", "{{range .SI}}{{.}}{{break}}{{end}}", "ok"},
    {"range with continue", "{{range .SI}}{{.}}{{continue}}{{end}}", "ok"},
    {"constants", "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", "ok"},
    {"template", "{{template `x`}}", "ok"},
    {"template with arg", "{{template `x` .Y}}", "ok"},
    {"with", "{{with .X}}hello{{end}}", "ok"},
    {"with with else", "{{with .X}}hello{{else}}goodbye{{end}}", "ok"},
    {"with with else with", "{{with .X}}hello{{else with .Y}}goodbye{{end}}", "ok"},
    {"with else chain", "{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}", "ok"},
    {"trim left", "x \r\n\t{{- 3}}", "ok"},
    {"trim right", "{{3 -}}\n\n\ty", "ok"},
    {"trim left and right", "x \r\n\t{{- 3 -}}\n\n\ty", "ok"},
    {"trim with extra spaces", "x\n{{-  3   -}}\ny", "ok"},
    {"comment trim left", "x \r\n\t{{- /* hi */}}", "ok"},
    {"comment trim right", "{{/* hi */ -}}\n\n\ty", "ok"},
    {"comment trim left and right", "x \r\n\t{{- /* */ -}}\n\n\ty", "ok"},
    {"block definition", "{{block \"foo\" .}}hello{{end}}", "ok"},
    {"newline in assignment", "{{ $x \n := \n 1 \n }}", "ok"},
    {"newline in empty action", "{{\n}}", "error"},
    {"newline in pipeline", "{{\n\"x\"\n|\nprintf\n}}", "ok"},
    {"newline in comment", "{{/*\nhello\n*/}}", "ok"},
    {"newline in comment trimmed", "{{-\n/*\nhello\n*/\n-}}", "ok"},
    {"spaces around continue", "{{range .SI}}{{.}}{{ continue }}{{end}}", "ok"},
    {"spaces around break", "{{range .SI}}{{.}}{{ break }}{{end}}", "ok"},
    {"unclosed action", "hello{{range", "error"},
    {"unmatched end", "{{end}}", "error"},
    {"unmatched else", "{{else}}", "error"},
    {"unmatched else after if", "{{if .X}}hello{{end}}{{else}}", "error"},
    {"multiple else", "{{if .X}}1{{else}}2{{else}}3{{end}}", "error"},
    {"missing end", "hello{{range .x}}", "error"},
    {"missing end after else", "hello{{range .x}}{{else}}", "error"},
    {"undefined function", "hello{{undefined}}", "error"},
    {"undefined variable", "{{$x}}", "error"},
    {"variable undefined after end", "{{with $x := 4}}{{end}}{{$x}}", "error"},
    {"variable undefined in template", "{{template $v}}", "error"},
    {"declare with field", "{{with $x.Y := 4}}{{end}}", "error"},
    {"template with field ref", "{{template .X}}", "error"},
    {"invalid punctuation", "{{printf 3, 4}}", "error"},
    {"multidecl outside range", "{{with $v, $u := 3}}{{end}}", "error"},
    {"too many decls in range", "{{range $u, $v, $w := 3}}{{end}}", "error"},
    {"dot applied to parentheses", "{{printf (printf .).}}", "error"},
    {"adjacent args", "{{printf 3`x`}}", "error"},
    {"adjacent args with .", "{{printf `x`.}}", "error"},
    {"extra end after if", "{{if .X}}a{{else if .Y}}b{{end}}{{end}}", "error"},
    {"break outside range", "{{range .}}{{end}} {{break}}", "error"},
    {"continue outside range", "{{range .}}{{end}} {{continue}}", "error"},
    {"break in range else", "{{range .}}{{else}}{{break}}{{end}}", "error"},
    {"continue in range else", "{{range .}}{{else}}{{continue}}{{end}}", "error"},
    {"bug0a", "{{$x := 0}}{{$x}}", "ok"},
    {"bug0b", "{{$x += 1}}{{$x}}", "error"},
    {"bug0c", "{{$x ! 2}}{{$x}}", "error"},
    {"bug0d", "{{$x % 3}}{{$x}}", "error"},
    {"bug0e", "{{range $x := $y := 3}}{{end}}", "error"},
    {"bug1a", "{{$x:=.}}{{$x!2}}", "error"},
    {"bug1b", "{{$x:=.}}{{$x+2}}", "error"},
    {"bug1c", "{{$x:=.}}{{$x +2}}", "ok"},
    {"bug2a", "{{range $x := 0}}{{$x}}{{end}}", "ok"},
    {"bug2b", "{{range $x = 0}}{{$x}}{{end}}", "ok"},
    {"dot after integer", "{{1.E}}", "error"},
    {"dot after float", "{{0.1.E}}", "error"},
    {"dot after boolean", "{{true.E}}", "error"},
    {"dot after char", "{{'a'.any}}", "error"},
    {"dot after string", "{{\"hello\".guys}}", "error"},
    {"dot after dot", "{{..E}}", "error"},
    {"dot after nil", "{{nil.E}}", "error"},
    {"wrong pipeline dot", "{{12|.}}", "error"},
    {"wrong pipeline number", "{{.|12|printf}}", "error"},
    {"wrong pipeline string", "{{.|printf|\"error\"}}", "error"},
    {"wrong pipeline char", "{{12|printf|'e'}}", "error"},
    {"wrong pipeline boolean", "{{.|true}}", "error"},
    {"wrong pipeline nil", "{{'c'|nil}}", "error"},
    {"empty pipeline", "{{printf \"%d\" ( ) }}", "error"},
    {"block without pipeline", "{{block \"foo\"}}hello{{end}}", "error"},
    {"paren nesting normal", "{{ (( 1 )) }}", "ok"},
    {"paren nesting in pipeline", "{{ ((( 1 ))) | printf }}", "ok"},
    {"control structure nesting", "{{if .X}}{{with .Y}}{{range .Z}}x{{end}}{{end}}{{end}}", "ok"}
  };

  /** name, input, what Go's error message holds (after "template: NAME:LINE: "). */
  private static final String[][] ERRORS = {
    {"unclosed1", "line1\n{{", "unclosed action"},
    {"unclosed2", "line1\n{{define `x`}}line2\n{{", "unclosed action"},
    {
      "unclosed3",
      """
        line1
        {{"x"
        "y"
        """,
      "unclosed action"
    },
    {"unclosed4", "{{\n\n\n\n\n", "unclosed action"},
    {"var1", "line1\n{{\nx\n}}", "function \"x\" not defined"},
    {"function", "{{foo}}", "function \"foo\" not defined"},
    {"comment1", "{{/*}}", "unclosed comment"},
    {"comment2", "{{/*\nhello\n}}", "unclosed comment"},
    {"lparen", "{{.X (1 2 3}}", "unclosed left paren"},
    {"rparen", "{{.X 1 2 3 ) }}", "unexpected right paren"},
    {"rparen2", "{{(.X 1 2 3", "unclosed action"},
    {"space", "{{`x`3}}", "in operand"},
    {"idchar", "{{a#}}", "'#'"},
    {"charconst", "{{'a}}", "unterminated character constant"},
    {"stringconst", "{{\"a}}", "unterminated quoted string"},
    {"rawstringconst", "{{`a}}", "unterminated raw quoted string"},
    {"number", "{{0xi}}", "number syntax"},
    {
      "multidefine",
      "{{define `a`}}a{{end}}{{define `a`}}b{{end}}",
      "multiple definition of template"
    },
    {"eof", "{{range .X}}", "unexpected EOF"},
    {"variable", "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}", "unexpected \":=\""},
    {"multidecl", "{{$a,$b,$c := 23}}", "too many declarations"},
    {"undefvar", "{{$a}}", "undefined variable"},
    {"wrongdot", "{{true.any}}", "unexpected . after term"},
    {"wrongpipeline", "{{12|false}}", "non executable command in pipeline"},
    {"emptypipeline", "{{ ( ) }}", "missing value for parenthesized pipeline"},
    {"multilinerawstring", "{{ $v := `\n` }} {{", "unclosed action"},
    {"rangeundefvar", "{{range $k}}{{end}}", "undefined variable"},
    {"rangeundefvars", "{{range $k, $v}}{{end}}", "undefined variable"},
    {"rangemissingvalue1", "{{range $k,}}{{end}}", "missing value for range"},
    {"rangemissingvalue2", "{{range $k, $v := }}{{end}}", "missing value for range"},
    {"rangenotvariable1", "{{range $k, .}}{{end}}", "range can only initialize variables"},
    {"rangenotvariable2", "{{range $k, 123 := .}}{{end}}", "range can only initialize variables"}
  };

  @Test
  void goParsesWhatGoParsesAndRefusesWhatGoRefuses() {
    List<String> wrong = new ArrayList<>();
    for (String[] c : PARSE) {
      boolean ok = GoTemplate.parse(c[1], FUNCS).error().isEmpty();
      if (ok != c[2].equals("ok")) {
        wrong.add(
            c[0]
                + (ok
                    ? ": parsed, Go refuses it"
                    : ": refused ("
                        + GoTemplate.parse(c[1], FUNCS).error().get()
                        + "), Go parses it"));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void errorsAreGosWords() {
    List<String> wrong = new ArrayList<>();
    for (String[] c : ERRORS) {
      String error = GoTemplate.parse(c[1], FUNCS).error().orElse("(no error)");
      if (!error.contains(c[2])) {
        wrong.add(c[0] + ": \"" + error + "\" lacks \"" + c[2] + "\"");
      }
    }
    assertEquals(List.of(), wrong);
  }
}
