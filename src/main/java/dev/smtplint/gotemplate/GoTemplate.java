package dev.smtplint.gotemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Go's text/template grammar, as {@code text/template/parse} accepts it, enough to tell whether
 * Sourcegraph's {@code ParseTemplate} would accept a custom email template, and which fields of
 * the data it reads. No Java library parses Go templates: this is a small recursive-descent parser
 * over a hand-written lexer, linear in the input (bounded nesting).
 */
public final class GoTemplate {
  /** Go's builtin functions (text/template funcs.go). */
  public static final Set<String> BUILTINS = Set.of("and", "call", "html", "index", "slice", "js", "len", "not", "or", "print",
      "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne");
  private static final int MAX_DEPTH = 100;

  /** The outcome: a parse error (Go's words, near enough), and the data fields read from the root. */
  public record Parsed(Optional<String> error, List<String> rootFields) {}

  private final String text;
  private final Set<String> functions;
  private final List<String> rootFields = new ArrayList<>();
  /** The names {{define}} gave: Go refuses a second definition of a name. */
  private final Set<String> defined = new HashSet<>();
  private final Deque<Set<String>> scopes = new ArrayDeque<>();
  private int pos;
  private int depth;
  private int rangeDepth;
  /** How many {{with}} or {{range}} bodies enclose this point: inside one, "." is no longer the root data. */
  private int dotChanges;

  private GoTemplate(String text, Set<String> functions) {
    this.text = text;
    this.functions = functions;
  }

  /** Parses {@code text} with the builtins and {@code extraFunctions} defined, as template.New(...).Funcs(...).Parse does. */
  public static Parsed parse(String text, Set<String> extraFunctions) {
    Set<String> functions = new HashSet<>(BUILTINS);
    functions.addAll(extraFunctions);
    GoTemplate p = new GoTemplate(text, functions);
    try {
      p.scopes.push(new HashSet<>(Set.of("$")));
      String stop = p.list(true);
      if (stop != null) {
        throw new Failure("unexpected {{" + stop + "}}");
      }
      return new Parsed(Optional.empty(), p.rootFields);
    } catch (Failure f) {
      return new Parsed(Optional.of(f.getMessage()), p.rootFields);
    }
  }

  /** A parse error; its message is what the user reads. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  // ---- text and actions ----------------------------------------------------------------------

  /**
   * Text and actions up to an {{end}} or {{else}} (whose keyword is returned, the rest of the action
   * left to the caller) or, at the top, the end of the input (null).
   */
  private String list(boolean top) {
    while (true) {
      int open = text.indexOf("{{", pos);
      if (open < 0) {
        pos = text.length();
        if (!top) {
          throw new Failure("unexpected EOF");
        }
        return null;
      }
      pos = open + 2;
      if (pos < text.length() && text.charAt(pos) == '-' && pos + 1 < text.length() && isSpace(text.charAt(pos + 1))) {
        pos++; // "{{- " trims the text before it
      }
      if (startsComment()) {
        comment();
        continue;
      }
      skipSpaces();
      String keyword = peekWord();
      switch (keyword) {
        case "end", "else" -> {
          if (top) {
            throw new Failure("unexpected {{" + keyword + "}}");
          }
          pos += keyword.length();
          return keyword;
        }
        case "if", "with" -> {
          pos += keyword.length();
          branch(keyword);
        }
        case "range" -> {
          pos += keyword.length();
          range();
        }
        case "define" -> {
          if (!top || depth > 0) {
            throw new Failure("unexpected {{define}}: define is allowed only at the top level");
          }
          pos += keyword.length();
          String name = templateName("define");
          if (!defined.add(name)) {
            throw new Failure("template: multiple definition of template " + name);
          }
          closeAction();
          scopes.push(new HashSet<>(Set.of("$")));
          expectEnd(list(false), "define " + name);
          scopes.pop();
        }
        case "block" -> {
          pos += keyword.length();
          templateName("block");
          if (atClose()) {
            throw new Failure("missing pipeline in {{block}}");
          }
          pipeline("block", false);
          closeAction();
          expectEnd(list(false), "block");
        }
        case "template" -> {
          pos += keyword.length();
          templateName("template");
          if (!atClose()) {
            pipeline("template", false);
          }
          closeAction();
        }
        case "break", "continue" -> {
          if (functions.contains(keyword)) {
            pipeline("command", false);
            closeAction();
          } else {
            if (rangeDepth == 0) {
              throw new Failure("{{" + keyword + "}} outside {{range}}");
            }
            pos += keyword.length();
            closeAction();
          }
        }
        default -> {
          pipeline("command", false);
          closeAction();
        }
      }
    }
  }

  /** if / with: pipeline, body, optional else (else if / else with chains), end. */
  private void branch(String keyword) {
    scopes.push(new HashSet<>(scopes.peek()));
    enter();
    pipeline(keyword, false);
    closeAction();
    boolean with = keyword.equals("with");
    dotChanges += with ? 1 : 0;
    String stop = list(false);
    dotChanges -= with ? 1 : 0;
    if (stop.equals("else")) {
      skipSpaces();
      String chained = peekWord();
      if (chained.equals("if") || chained.equals("with") && keyword.equals("with")) {
        pos += chained.length();
        branch(chained); // "{{else if x}}" is "{{else}}{{if x}}...{{end}}{{end}}" with one shared end
        depth--;
        scopes.pop();
        return;
      }
      closeAction();
      stop = list(false);
      if (stop.equals("else")) {
        throw new Failure("expected end; found {{else}}");
      }
    }
    closeAction();
    depth--;
    scopes.pop();
  }

  private void range() {
    scopes.push(new HashSet<>(scopes.peek()));
    enter();
    pipeline("range", true);
    closeAction();
    rangeDepth++;
    dotChanges++;
    String stop = list(false);
    dotChanges--;
    rangeDepth--;
    if (stop.equals("else")) {
      closeAction();
      int saved = rangeDepth;
      rangeDepth = 0; // break and continue are not allowed in the else of a range
      stop = list(false);
      rangeDepth = saved;
      if (stop.equals("else")) {
        throw new Failure("expected end; found {{else}}");
      }
    }
    closeAction();
    depth--;
    scopes.pop();
  }

  private void expectEnd(String stop, String what) {
    if (!"end".equals(stop)) {
      throw new Failure("unexpected {{" + stop + "}} in " + what);
    }
    closeAction();
  }

  private String templateName(String context) {
    skipSpaces();
    if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '`')) {
      return string();
    }
    throw new Failure("unexpected token in " + context + " clause: the template name must be a string constant");
  }

  // ---- pipelines -------------------------------------------------------------------------------

  /** [$x :=] command [| command]...; {@code range} allows two declared variables. */
  private void pipeline(String context, boolean range) {
    skipSpaces();
    List<String> declared = new ArrayList<>();
    int save = pos;
    if (peek() == '$') {
      String v = variableName();
      skipSpaces();
      if (peek() == ',' && range) {
        pos++;
        skipSpaces();
        if (atClose()) {
          throw new Failure("missing value for range");
        }
        if (peek() != '$') {
          throw new Failure("range can only initialize variables");
        }
        int second = pos;
        String w = variableName();
        skipSpaces();
        if (!text.startsWith(":=", pos) && !(text.startsWith("=", pos) && !text.startsWith("==", pos))) {
          // Go backs up and reads "$v" as the range's operand: it must already be defined
          if (!scopes.peek().contains(w)) {
            throw new Failure("undefined variable \"" + w + "\"");
          }
          pos = second;
          scopes.peek().add(v);
          command(context, 0);
          return;
        }
        declared.add(v);
        declared.add(w);
      } else if (peek() == ',') {
        throw new Failure("too many declarations in " + context);
      } else if (text.startsWith(":=", pos) || text.startsWith("=", pos) && !text.startsWith("==", pos)) {
        declared.add(v);
      } else {
        pos = save;
      }
      if (!declared.isEmpty()) {
        pos += text.charAt(pos) == '=' ? 1 : 2; // Go's parser declares on "=" as on ":="
        skipSpaces();
        if (peek() == '$' && range) {
          // "{{range $x := $y := 3}}" is not a declaration Go accepts
          int at = pos;
          variableName();
          skipSpaces();
          if (text.startsWith(":=", pos)) {
            throw new Failure("unexpected \":=\" in " + context);
          }
          pos = at;
        }
      }
    }
    int stage = 0;
    while (true) {
      command(context, stage++);
      skipSpaces();
      if (peek() == '|') {
        pos++;
        continue;
      }
      break;
    }
    scopes.peek().addAll(declared);
  }

  /** Operands separated by spaces; a later pipeline stage must be something that can be called. */
  private void command(String context, int stage) {
    skipSpaces();
    int operands = 0;
    while (!atClose() && peek() != '|' && peek() != ')') {
      if (operands > 0 && !isSpace(text.charAt(pos - 1))) {
        throw new Failure("unexpected \"" + text.charAt(pos) + "\" in operand; missing space?");
      }
      boolean executable = operand();
      if (operands == 0 && stage > 0 && !executable) {
        throw new Failure("non executable command in pipeline stage " + (stage + 1));
      }
      operands++;
      skipSpaces();
    }
    if (operands == 0) {
      throw new Failure(atEnd() ? "unclosed action" : "missing value for " + context);
    }
  }

  /** A term and the fields applied to it; whether it can head a pipeline stage (a function, field or variable). */
  private boolean operand() {
    char c = peek();
    boolean executable;
    boolean literal = false;
    if (c == '(') {
      enter();
      pos++;
      skipSpaces();
      if (peek() == ')') {
        throw new Failure("missing value for parenthesized pipeline");
      }
      pipeline("parenthesized pipeline", false);
      skipSpaces();
      if (peek() != ')') {
        // Go's lexer: the end of the input is an unclosed action; "}}" with a paren open, an unclosed left paren
        throw new Failure(atEnd() ? "unclosed action" : text.startsWith("}}", pos) || text.startsWith("-}}", pos)
            ? "unclosed left paren" : "unexpected \"" + peek() + "\" in parenthesized pipeline");
      }
      pos++;
      depth--;
      executable = true;
    } else if (c == '$') {
      String v = variableName();
      if (!scopes.peek().contains(v)) {
        throw new Failure("undefined variable \"" + v + "\"");
      }
      if (v.equals("$") && peek() == '.') {
        String field = fieldName();
        rootFields.add(field); // $.Field: always the root data
        fieldChain();
        return true;
      }
      executable = true;
    } else if (c == '.') {
      if (pos + 1 < text.length() && isIdentStart(text.charAt(pos + 1))) {
        String field = fieldName();
        if (dotChanges == 0) {
          rootFields.add(field);
        }
        executable = true;
      } else {
        pos++;
        executable = false;
        literal = true; // "." itself
      }
    } else if (c == '"' || c == '`') {
      string();
      executable = false;
      literal = true;
    } else if (c == '\'') {
      character();
      executable = false;
      literal = true;
    } else if (c == '-' || c == '+' || Character.isDigit(c)) {
      number();
      executable = false;
      literal = true;
    } else if (isIdentStart(c)) {
      String word = word();
      requireTerminator();
      switch (word) {
        case "true", "false", "nil" -> {
          executable = false;
          literal = true;
        }
        case "if", "else", "end", "range", "with", "define", "block", "template", "break", "continue" ->
            throw new Failure("unexpected <" + word + "> in command");
        default -> {
          if (!functions.contains(word)) {
            throw new Failure("function \"" + word + "\" not defined");
          }
          executable = true;
        }
      }
    } else if (atEnd()) {
      throw new Failure("unclosed action");
    } else if (c == ')') {
      throw new Failure("unexpected right paren");
    } else if (text.startsWith(":=", pos)) {
      throw new Failure("unexpected \":=\" in command");
    } else {
      throw new Failure("unexpected \"" + c + "\" in command");
    }
    if (peek() == '.') {
      if (literal) {
        throw new Failure("unexpected . after term");
      }
      fieldChain();
    }
    return executable;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new Failure("max expression depth exceeded");
    }
  }

  private void fieldChain() {
    while (peek() == '.' && pos + 1 < text.length() && isIdentStart(text.charAt(pos + 1))) {
      fieldName();
    }
    if (peek() == '.') {
      throw new Failure("unexpected . after term");
    }
  }

  // ---- tokens ----------------------------------------------------------------------------------

  /** "/*" right after the delimiter, or after a trim marker: "-" and one space character (a newline too, as Go's lexer). */
  private boolean startsComment() {
    return text.startsWith("/*", pos)
        || text.charAt(pos - 1) == '-' && pos + 1 < text.length() && isSpace(text.charAt(pos)) && text.startsWith("/*", pos + 1);
  }

  /** A comment fills its action: "{{/* ... *}{@code /}}", trims allowed. */
  private void comment() {
    int start = text.indexOf("/*", pos);
    int end = text.indexOf("*/", start + 2);
    if (end < 0) {
      throw new Failure("unclosed comment");
    }
    pos = end + 2;
    if (text.startsWith("}}", pos)) {
      pos += 2;
      return;
    }
    if (pos + 1 < text.length() && isSpace(text.charAt(pos)) && text.startsWith("-}}", pos + 1)) {
      pos += 4;
      return;
    }
    throw new Failure("comment ends before closing delimiter");
  }

  /** The end of an action: "}}" or " -}}", spaces before it allowed. */
  private void closeAction() {
    skipSpaces();
    if (text.startsWith("-}}", pos) && pos > 0 && isSpace(text.charAt(pos - 1))) {
      pos += 3;
      return;
    }
    if (text.startsWith("}}", pos)) {
      pos += 2;
      return;
    }
    throw new Failure(atEnd() ? "unclosed action" : peek() == ')' ? "unexpected right paren"
        : "unexpected \"" + peek() + "\" in action; expected }}");
  }

  private boolean atClose() {
    skipSpaces();
    return atEnd() || text.startsWith("}}", pos) || text.startsWith("-}}", pos) && isSpace(text.charAt(pos - 1));
  }

  private String variableName() {
    int start = pos++;
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String fieldName() {
    pos++; // the dot
    int start = pos;
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /**
   * Go's lexer ends an identifier only at a space, ".", ",", "|", ":", "(", ")", the end of the input
   * or the closing delimiter; anything else is its error: "bad character U+0023 '#'".
   */
  private void requireTerminator() {
    if (atEnd()) {
      return;
    }
    char c = peek();
    if (!(isSpace(c) || c == '.' || c == ',' || c == '|' || c == ':' || c == '(' || c == ')' || text.startsWith("}}", pos)
        || text.startsWith("-}}", pos))) {
      throw new Failure(String.format("bad character U+%04X '%c'", (int) c, c));
    }
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String peekWord() {
    int end = pos;
    while (end < text.length() && isIdentPart(text.charAt(end))) {
      end++;
    }
    String w = text.substring(pos, end);
    boolean delimited = end >= text.length() || !isIdentPart(text.charAt(end));
    return delimited ? w : "";
  }

  /** "..." with escapes, on one line; or `...`, raw, any lines. */
  private String string() {
    char quote = text.charAt(pos);
    int start = ++pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote == '"' && c == '\\') {
        pos += 2;
        continue;
      }
      if (quote == '"' && c == '\n') {
        break;
      }
      if (c == quote) {
        return text.substring(start, pos++);
      }
      pos++;
    }
    throw new Failure(quote == '`' ? "unterminated raw quoted string" : "unterminated quoted string");
  }

  private void character() {
    pos++;
    while (pos < text.length() && text.charAt(pos) != '\'' && text.charAt(pos) != '\n') {
      pos += text.charAt(pos) == '\\' ? 2 : 1;
    }
    if (pos >= text.length() || text.charAt(pos) != '\'') {
      throw new Failure("unterminated character constant");
    }
    pos++;
  }

  /** Go's number syntax, loosely: sign, digits, letters and dots of hex, floats, exponents, imaginary. */
  private void number() {
    int start = pos;
    if (peek() == '+' || peek() == '-') {
      pos++;
    }
    boolean digits = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_') {
        digits |= Character.isDigit(c);
        pos++;
      } else if (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
        pos++;
      } else if ((c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E'
          || text.charAt(pos - 1) == 'p' || text.charAt(pos - 1) == 'P')) {
        pos++;
      } else {
        break;
      }
    }
    if (!digits || !isGoNumber(text.substring(start, pos))) {
      throw new Failure("bad number syntax: \"" + text.substring(start, pos) + "\"");
    }
  }

  /**
   * Go's number literals (strconv, as text/template/parse's newNumber reads them): decimal, 0x hex
   * (with a p exponent for a fraction), 0o, 0b and legacy 0 octal integers, decimal floats, an i for
   * an imaginary part; underscores between digits. {@code 0xi} is none of these.
   */
  static boolean isGoNumber(String token) {
    String t = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
    t = t.endsWith("i") ? t.substring(0, t.length() - 1) : t;
    t = t.replace("_", "");
    return !t.isEmpty() && (GO_DECIMAL.matcher(t).matches() || GO_HEX.matcher(t).matches() || GO_BASED.matcher(t).matches());
  }

  private static final Pattern GO_DECIMAL = Pattern.compile("(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern GO_HEX = Pattern.compile("0[xX](?:[0-9a-fA-F]+(?:\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?");
  private static final Pattern GO_BASED = Pattern.compile("0[bB][01]+|0[oO][0-7]+");

  private void skipSpaces() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
