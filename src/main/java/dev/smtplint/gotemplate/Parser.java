package dev.smtplint.gotemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * text/template/parse's grammar over the {@link Lexer}'s tokens: text and actions, if / with /
 * range with else chains, define / block / template, pipelines with declarations, commands and
 * operands, variables in scope. Recursive descent, nesting bounded as Go bounds it; the first error
 * ends the parse, in Go's words. The fields read are given to a {@link Fields} walk.
 */
final class Parser {
  private static final int MAX_DEPTH = 100;

  private final Lexer lex;
  private final Set<String> functions;
  private final Fields fields;

  /** The names {{define}} gave: Go refuses a second definition of a name. */
  private final Set<String> defined = new HashSet<>();

  private final Deque<Set<String>> scopes = new ArrayDeque<>();
  private int depth;
  private int rangeDepth;

  Parser(String text, Set<String> functions, Fields fields) {
    this.lex = new Lexer(text);
    this.functions = functions;
    this.fields = fields;
  }

  /** The whole template; a {@link TemplateError} at the first thing Go refuses. */
  void parse() {
    scopes.push(new HashSet<>(Set.of("$")));
    String stop = list(true);
    if (stop != null) {
      throw new TemplateError("unexpected {{" + stop + "}}");
    }
  }

  /**
   * Text and actions up to an {{end}} or {{else}} (whose keyword is returned, the rest of the
   * action left to the caller) or, at the top, the end of the input (null).
   */
  private String list(boolean top) {
    while (true) {
      if (!lex.nextAction()) {
        if (!top) {
          throw new TemplateError("unexpected EOF");
        }
        return null;
      }
      if (lex.startsComment()) {
        lex.comment();
        continue;
      }
      lex.skipSpaces();
      String keyword = lex.peekWord();
      switch (keyword) {
        case "end", "else" -> {
          if (top) {
            throw new TemplateError("unexpected {{" + keyword + "}}");
          }
          lex.skip(keyword.length());
          return keyword;
        }
        case "if", "with" -> {
          lex.skip(keyword.length());
          branch(keyword);
        }
        case "range" -> {
          lex.skip(keyword.length());
          range();
        }
        case "define" -> {
          if (!top || depth > 0) {
            throw new TemplateError(
                "unexpected {{define}}: define is allowed only at the top level");
          }
          lex.skip(keyword.length());
          String name = templateName("define");
          if (!defined.add(name)) {
            throw new TemplateError("template: multiple definition of template " + name);
          }
          lex.closeAction();
          scopes.push(new HashSet<>(Set.of("$")));
          expectEnd(list(false), "define " + name);
          scopes.pop();
        }
        case "block" -> {
          lex.skip(keyword.length());
          templateName("block");
          if (lex.atClose()) {
            throw new TemplateError("missing pipeline in {{block}}");
          }
          pipeline("block", false);
          lex.closeAction();
          expectEnd(list(false), "block");
        }
        case "template" -> {
          lex.skip(keyword.length());
          templateName("template");
          if (!lex.atClose()) {
            pipeline("template", false);
          }
          lex.closeAction();
        }
        case "break", "continue" -> {
          if (functions.contains(keyword)) {
            pipeline("command", false);
            lex.closeAction();
          } else {
            if (rangeDepth == 0) {
              throw new TemplateError("{{" + keyword + "}} outside {{range}}");
            }
            lex.skip(keyword.length());
            lex.closeAction();
          }
        }
        default -> {
          pipeline("command", false);
          lex.closeAction();
        }
      }
    }
  }

  /** if / with: pipeline, body, optional else (else if / else with chains), end. */
  private void branch(String keyword) {
    scopes.push(new HashSet<>(scopes.peek()));
    enter();
    pipeline(keyword, false);
    lex.closeAction();
    boolean with = keyword.equals("with");
    fields.dotMoved(with);
    String stop = list(false);
    fields.dotRestored(with);
    if (stop.equals("else")) {
      lex.skipSpaces();
      String chained = lex.peekWord();
      if (chained.equals("if") || chained.equals("with") && keyword.equals("with")) {
        lex.skip(chained.length());
        branch(
            chained); // "{{else if x}}" is "{{else}}{{if x}}...{{end}}{{end}}" with one shared end
        depth--;
        scopes.pop();
        return;
      }
      lex.closeAction();
      stop = list(false);
      if (stop.equals("else")) {
        throw new TemplateError("expected end; found {{else}}");
      }
    }
    lex.closeAction();
    depth--;
    scopes.pop();
  }

  private void range() {
    scopes.push(new HashSet<>(scopes.peek()));
    enter();
    pipeline("range", true);
    lex.closeAction();
    rangeDepth++;
    fields.dotMoved(true);
    String stop = list(false);
    fields.dotRestored(true);
    rangeDepth--;
    if (stop.equals("else")) {
      lex.closeAction();
      int saved = rangeDepth;
      rangeDepth = 0; // break and continue are not allowed in the else of a range
      stop = list(false);
      rangeDepth = saved;
      if (stop.equals("else")) {
        throw new TemplateError("expected end; found {{else}}");
      }
    }
    lex.closeAction();
    depth--;
    scopes.pop();
  }

  private void expectEnd(String stop, String what) {
    if (!"end".equals(stop)) {
      throw new TemplateError("unexpected {{" + stop + "}} in " + what);
    }
    lex.closeAction();
  }

  private String templateName(String context) {
    lex.skipSpaces();
    if (lex.peek() == '"' || lex.peek() == '`') {
      return lex.string();
    }
    throw new TemplateError(
        "unexpected token in " + context + " clause: the template name must be a string constant");
  }

  /** [$x :=] command [| command]...; {@code range} allows two declared variables. */
  private void pipeline(String context, boolean range) {
    lex.skipSpaces();
    List<String> declared = new ArrayList<>();
    int save = lex.mark();
    if (lex.peek() == '$') {
      String v = lex.variableName();
      lex.skipSpaces();
      if (lex.peek() == ',' && range) {
        lex.skip(1);
        lex.skipSpaces();
        if (lex.atClose()) {
          throw new TemplateError("missing value for range");
        }
        if (lex.peek() != '$') {
          throw new TemplateError("range can only initialize variables");
        }
        int second = lex.mark();
        String w = lex.variableName();
        lex.skipSpaces();
        if (!lex.atDeclaration()) {
          // Go backs up and reads "$v" as the range's operand: it must already be defined
          if (!scopes.peek().contains(w)) {
            throw new TemplateError("undefined variable \"" + w + "\"");
          }
          lex.reset(second);
          scopes.peek().add(v);
          command(context, 0);
          return;
        }
        declared.add(v);
        declared.add(w);
      } else if (lex.peek() == ',') {
        throw new TemplateError("too many declarations in " + context);
      } else if (lex.atDeclaration()) {
        declared.add(v);
      } else {
        lex.reset(save);
      }
      if (!declared.isEmpty()) {
        lex.skip(lex.peek() == '=' ? 1 : 2); // Go's parser declares on "=" as on ":="
        lex.skipSpaces();
        if (lex.peek() == '$' && range) {
          // "{{range $x := $y := 3}}" is not a declaration Go accepts
          int at = lex.mark();
          lex.variableName();
          lex.skipSpaces();
          if (lex.startsWith(":=")) {
            throw new TemplateError("unexpected \":=\" in " + context);
          }
          lex.reset(at);
        }
      }
    }
    int stage = 0;
    while (true) {
      command(context, stage++);
      lex.skipSpaces();
      if (lex.peek() == '|') {
        lex.skip(1);
        continue;
      }
      break;
    }
    scopes.peek().addAll(declared);
  }

  /** Operands separated by spaces; a later pipeline stage must be something that can be called. */
  private void command(String context, int stage) {
    lex.skipSpaces();
    int operands = 0;
    while (!lex.atClose() && lex.peek() != '|' && lex.peek() != ')') {
      if (operands > 0 && !lex.afterSpace()) {
        throw new TemplateError("unexpected \"" + lex.peek() + "\" in operand; missing space?");
      }
      boolean executable = operand();
      if (operands == 0 && stage > 0 && !executable) {
        throw new TemplateError("non executable command in pipeline stage " + (stage + 1));
      }
      operands++;
      lex.skipSpaces();
    }
    if (operands == 0) {
      throw new TemplateError(lex.atEnd() ? "unclosed action" : "missing value for " + context);
    }
  }

  /**
   * A term and the fields applied to it; whether it can head a pipeline stage (a function, field or
   * variable).
   */
  private boolean operand() {
    char c = lex.peek();
    boolean executable;
    boolean literal = false;
    if (c == '(') {
      enter();
      lex.skip(1);
      lex.skipSpaces();
      if (lex.peek() == ')') {
        throw new TemplateError("missing value for parenthesized pipeline");
      }
      pipeline("parenthesized pipeline", false);
      lex.skipSpaces();
      if (lex.peek() != ')') {
        // Go's lexer: the end of the input is an unclosed action; "}}" with a paren open, an
        // unclosed left paren
        throw new TemplateError(
            lex.atEnd()
                ? "unclosed action"
                : lex.startsWith("}}") || lex.startsWith("-}}")
                    ? "unclosed left paren"
                    : "unexpected \"" + lex.peek() + "\" in parenthesized pipeline");
      }
      lex.skip(1);
      depth--;
      executable = true;
    } else if (c == '$') {
      String v = lex.variableName();
      if (!scopes.peek().contains(v)) {
        throw new TemplateError("undefined variable \"" + v + "\"");
      }
      if (v.equals("$") && lex.peek() == '.') {
        String field = lex.fieldName();
        fields.fromRoot(field); // $.Field: always the root data
        fieldChain();
        return true;
      }
      executable = true;
    } else if (c == '.') {
      if (lex.atField()) {
        String field = lex.fieldName();
        fields.fromDot(field);
        executable = true;
      } else {
        lex.skip(1);
        executable = false;
        literal = true; // "." itself
      }
    } else if (c == '"' || c == '`') {
      lex.string();
      executable = false;
      literal = true;
    } else if (c == '\'') {
      lex.character();
      executable = false;
      literal = true;
    } else if (c == '-' || c == '+' || Character.isDigit(c)) {
      lex.number();
      executable = false;
      literal = true;
    } else if (Lexer.isIdentStart(c)) {
      String word = lex.word();
      lex.requireTerminator();
      switch (word) {
        case "true", "false", "nil" -> {
          executable = false;
          literal = true;
        }
        case "if",
            "else",
            "end",
            "range",
            "with",
            "define",
            "block",
            "template",
            "break",
            "continue" ->
            throw new TemplateError("unexpected <" + word + "> in command");
        default -> {
          if (!functions.contains(word)) {
            throw new TemplateError("function \"" + word + "\" not defined");
          }
          executable = true;
        }
      }
    } else if (lex.atEnd()) {
      throw new TemplateError("unclosed action");
    } else if (c == ')') {
      throw new TemplateError("unexpected right paren");
    } else if (lex.startsWith(":=")) {
      throw new TemplateError("unexpected \":=\" in command");
    } else {
      throw new TemplateError("unexpected \"" + c + "\" in command");
    }
    if (lex.peek() == '.') {
      if (literal) {
        throw new TemplateError("unexpected . after term");
      }
      fieldChain();
    }
    return executable;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new TemplateError("max expression depth exceeded");
    }
  }

  private void fieldChain() {
    while (lex.atField()) {
      lex.fieldName();
    }
    if (lex.peek() == '.') {
      throw new TemplateError("unexpected . after term");
    }
  }
}
