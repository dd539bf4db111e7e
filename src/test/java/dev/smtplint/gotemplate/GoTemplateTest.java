package dev.smtplint.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The template parser against the kinds of input Go's own text/template/parse tests hold valid and
 * invalid (parse_test.go's parseTests, cases written afresh here), and against what Sourcegraph's
 * ParseTemplate adds: markdownToText for text templates, markdownToSafeHTML for html ones.
 */
class GoTemplateTest {
  private static final Set<String> TEXT = Set.of("markdownToText");

  private static final List<String> VALID =
      List.of(
          "",
          "plain text",
          " \t\n",
          "{{/*\n\n\n*/}}",
          "{{.X}}",
          "{{printf}}",
          "{{$}}",
          "{{with $x := 3}}{{$x 23}}{{end}}",
          "{{$.I}}",
          "{{printf `%d` 23}}",
          "{{.X|.Y}}",
          "{{$x := .X|.Y}}",
          "{{.X (.Y .Z) (.A | .B .C) (.E)}}",
          "{{(.Y .Z).Field}}",
          "{{if .X}}hello{{end}}",
          "{{if .X}}a{{else}}b{{end}}",
          "{{if .X}}a{{else if .Y}}b{{end}}",
          "+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+",
          "{{range .X}}hello{{end}}",
          "{{range .X.Y.Z}}hello{{end}}",
          "{{range .X}}a{{range .Y}}b{{end}}{{end}}",
          "{{range .X}}a{{else}}b{{end}}",
          "{{range .X|.M}}a{{else}}b{{end}}",
          "{{range $x := .SI}}{{.}}{{end}}",
          "{{range $x, $y := .SI}}{{.}}{{end}}",
          "{{range .SI}}{{.}}{{break}}{{end}}",
          "{{range .SI}}{{.}}{{continue}}{{end}}",
          "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
          "{{template `x`}}",
          "{{template \"x\" .Y}}",
          "{{with .X}}hello{{end}}",
          "{{with .X}}a{{else}}b{{end}}",
          "{{with .X}}a{{else with .Y}}b{{end}}",
          "x \r\n\t{{- 3}}",
          "{{3 -}}\n\n\ty",
          "x \r\n\t{{- 3 -}}\n\n\ty",
          "x \r\n\t{{- /* hi */}}",
          "{{/* hi */ -}}\n\n\ty",
          "{{block \"foo\" .}}hello{{end}}",
          "{{ $x \n := \n 1 \n }}",
          "{{\n\"x\"\n|\nprintf\n}}",
          "{{$x := 0}}{{$x}}",
          "{{$x:=.}}{{$x +2}}",
          "{{range $x := 0}}{{$x}}{{end}}",
          "{{range $x = 0}}{{$x}}{{end}}",
          "{{ (( 1 )) }}",
          "{{define \"x\"}}something{{end}}",
          "{{len .URL | printf \"%d\"}}",
          "{{markdownToText .Username}}",
          "Reset your password on {{.Host}}",
          "<a href=\"{{.URL}}\">reset</a>",
          "{{if and .Host (eq .Username \"admin\")}}hi{{end}}");

  private static final List<String> INVALID =
      List.of(
          "{{}}",
          "{{\n}}",
          "hello{{range",
          "{{end}}",
          "{{else}}",
          "{{if .X}}hello{{end}}{{else}}",
          "{{if .X}}1{{else}}2{{else}}3{{end}}",
          "hello{{range .x}}",
          "hello{{range .x}}{{else}}",
          "hello{{undefined}}",
          "{{$x}}",
          "{{with $x := 4}}{{end}}{{$x}}",
          "{{template $v}}",
          "{{with $x.Y := 4}}{{end}}",
          "{{template .X}}",
          "{{printf 3, 4}}",
          "{{with $v, $u := 3}}{{end}}",
          "{{range $u, $v, $w := 3}}{{end}}",
          "{{printf (printf .).}}",
          "{{printf 3`x`}}",
          "{{printf `x`.}}",
          "{{if .X}}a{{else if .Y}}b{{end}}{{end}}",
          "{{range .}}{{end}} {{break}}",
          "{{range .}}{{end}} {{continue}}",
          "{{range .}}{{else}}{{break}}{{end}}",
          "{{$x += 1}}{{$x}}",
          "{{$x ! 2}}{{$x}}",
          "{{range $x := $y := 3}}{{end}}",
          "{{$x:=.}}{{$x!2}}",
          "{{$x:=.}}{{$x+2}}",
          "{{1.E}}",
          "{{0.1.E}}",
          "{{true.E}}",
          "{{'a'.any}}",
          "{{\"hello\".guys}}",
          "{{..E}}",
          "{{nil.E}}",
          "{{12|.}}",
          "{{.|12|printf}}",
          "{{.|printf|\"error\"}}",
          "{{12|printf|'e'}}",
          "{{.|true}}",
          "{{'c'|nil}}",
          "{{printf \"%d\" ( ) }}",
          "{{block \"foo\"}}hello{{end}}",
          "{{if .URL}}<a>",
          "{{end}}",
          "{{upper .Host}}",
          "{{\"unterminated}}",
          "{{/* unclosed",
          "{{/* x */ .Y}}",
          "Welcome to {{.Host}",
          "{{.Host}}}}{{",
          "{{markdownToSafeHTML .URL}}",
          "{{if}}x{{end}}");

  @Test
  void whatGoAcceptsParses() {
    for (String t : VALID) {
      GoTemplate.Parsed p = GoTemplate.parse(t, TEXT);
      assertTrue(p.error().isEmpty(), "should parse: " + t + " — " + p.error().orElse(""));
    }
  }

  @Test
  void whatGoRejectsFails() {
    for (String t : INVALID) {
      assertTrue(GoTemplate.parse(t, TEXT).error().isPresent(), "should not parse: " + t);
    }
  }

  @Test
  void fieldsOfTheRootDataAreCollectedWhereDotIsTheRoot() {
    assertEquals(
        List.of("Host", "URL", "Username", "URL", "X"),
        GoTemplate.parse(
                "{{.Host}} {{if .URL}}{{.Username}}{{end}} {{with .URL}}{{.Inner}}{{$.X}}{{end}}",
                TEXT)
            .rootFields());
    assertEquals(List.of("Hostname"), GoTemplate.parse("Reset {{.Hostname}}", TEXT).rootFields());
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    assertTrue(
        GoTemplate.parse("{{" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "}}", TEXT)
            .error()
            .isPresent());
    assertTrue(GoTemplate.parse("{{if 1}}".repeat(50_000), TEXT).error().isPresent());
  }
}
