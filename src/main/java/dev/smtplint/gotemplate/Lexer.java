package dev.smtplint.gotemplate;

import java.util.regex.Pattern;

/**
 * The characters of a template, as text/template/parse's lexer reads them: action delimiters and
 * trim markers, comments, identifiers, variables, fields, strings, characters and numbers. The
 * parser asks for one token at a time at the current position; an ill-formed token is Go's lexer
 * error.
 */
final class Lexer {
  private final String text;
  private int pos;

  Lexer(String text) {
    this.text = text;
  }

  /**
   * Moves past the next "{{" (and a "- " trim marker after it); false, at the end of the input,
   * when there is none.
   */
  boolean nextAction() {
    int open = text.indexOf("{{", pos);
    if (open < 0) {
      pos = text.length();
      return false;
    }
    pos = open + 2;
    if (pos < text.length()
        && text.charAt(pos) == '-'
        && pos + 1 < text.length()
        && isSpace(text.charAt(pos + 1))) {
      pos++; // "{{- " trims the text before it
    }
    return true;
  }

  int mark() {
    return pos;
  }

  void reset(int mark) {
    pos = mark;
  }

  void skip(int chars) {
    pos += chars;
  }

  boolean startsWith(String s) {
    return text.startsWith(s, pos);
  }

  /** Whether the character before this point is a space (operands are separated by spaces). */
  boolean afterSpace() {
    return isSpace(text.charAt(pos - 1));
  }

  /** A "." followed by an identifier: a field. */
  boolean atField() {
    return peek() == '.' && pos + 1 < text.length() && isIdentStart(text.charAt(pos + 1));
  }

  /** "=" but not "==", or ":=": a declaration. */
  boolean atDeclaration() {
    return startsWith(":=") || startsWith("=") && !startsWith("==");
  }

  /**
   * "/*" right after the delimiter, or after a trim marker: "-" and one space character (a newline
   * too, as Go's lexer).
   */
  boolean startsComment() {
    return text.startsWith("/*", pos)
        || text.charAt(pos - 1) == '-'
            && pos + 1 < text.length()
            && isSpace(text.charAt(pos))
            && text.startsWith("/*", pos + 1);
  }

  /** A comment fills its action: "{{/* ... *}{@code /}}", trims allowed. */
  void comment() {
    int start = text.indexOf("/*", pos);
    int end = text.indexOf("*/", start + 2);
    if (end < 0) {
      throw new TemplateError("unclosed comment");
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
    throw new TemplateError("comment ends before closing delimiter");
  }

  /** The end of an action: "}}" or " -}}", spaces before it allowed. */
  void closeAction() {
    skipSpaces();
    if (text.startsWith("-}}", pos) && pos > 0 && isSpace(text.charAt(pos - 1))) {
      pos += 3;
      return;
    }
    if (text.startsWith("}}", pos)) {
      pos += 2;
      return;
    }
    throw new TemplateError(
        atEnd()
            ? "unclosed action"
            : peek() == ')'
                ? "unexpected right paren"
                : "unexpected \"" + peek() + "\" in action; expected }}");
  }

  boolean atClose() {
    skipSpaces();
    return atEnd()
        || text.startsWith("}}", pos)
        || text.startsWith("-}}", pos) && isSpace(text.charAt(pos - 1));
  }

  String variableName() {
    int start = pos++;
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  String fieldName() {
    pos++; // the dot
    int start = pos;
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /**
   * Go's lexer ends an identifier only at a space, ".", ",", "|", ":", "(", ")", the end of the
   * input or the closing delimiter; anything else is its error: "bad character U+0023 '#'".
   */
  void requireTerminator() {
    if (atEnd()) {
      return;
    }
    char c = peek();
    if (!(isSpace(c)
        || c == '.'
        || c == ','
        || c == '|'
        || c == ':'
        || c == '('
        || c == ')'
        || text.startsWith("}}", pos)
        || text.startsWith("-}}", pos))) {
      throw new TemplateError(String.format("bad character U+%04X '%c'", (int) c, c));
    }
  }

  String word() {
    int start = pos;
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  String peekWord() {
    int end = pos;
    while (end < text.length() && isIdentPart(text.charAt(end))) {
      end++;
    }
    String w = text.substring(pos, end);
    boolean delimited = end >= text.length() || !isIdentPart(text.charAt(end));
    return delimited ? w : "";
  }

  /** "..." with escapes, on one line; or `...`, raw, any lines. */
  String string() {
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
    throw new TemplateError(
        quote == '`' ? "unterminated raw quoted string" : "unterminated quoted string");
  }

  void character() {
    pos++;
    while (pos < text.length() && text.charAt(pos) != '\'' && text.charAt(pos) != '\n') {
      pos += text.charAt(pos) == '\\' ? 2 : 1;
    }
    if (pos >= text.length() || text.charAt(pos) != '\'') {
      throw new TemplateError("unterminated character constant");
    }
    pos++;
  }

  /**
   * Go's number syntax, loosely: sign, digits, letters and dots of hex, floats, exponents,
   * imaginary.
   */
  void number() {
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
      } else if ((c == '+' || c == '-')
          && (text.charAt(pos - 1) == 'e'
              || text.charAt(pos - 1) == 'E'
              || text.charAt(pos - 1) == 'p'
              || text.charAt(pos - 1) == 'P')) {
        pos++;
      } else {
        break;
      }
    }
    if (!digits || !isGoNumber(text.substring(start, pos))) {
      throw new TemplateError("bad number syntax: \"" + text.substring(start, pos) + "\"");
    }
  }

  /**
   * Go's number literals (strconv, as text/template/parse's newNumber reads them): decimal, 0x hex
   * (with a p exponent for a fraction), 0o, 0b and legacy 0 octal integers, decimal floats, an i
   * for an imaginary part; underscores between digits. {@code 0xi} is none of these.
   */
  static boolean isGoNumber(String token) {
    String t = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
    t = t.endsWith("i") ? t.substring(0, t.length() - 1) : t;
    t = t.replace("_", "");
    return !t.isEmpty()
        && (GO_DECIMAL.matcher(t).matches()
            || GO_HEX.matcher(t).matches()
            || GO_BASED.matcher(t).matches());
  }

  private static final Pattern GO_DECIMAL =
      Pattern.compile("(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern GO_HEX =
      Pattern.compile(
          "0[xX](?:[0-9a-fA-F]+(?:\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?");
  private static final Pattern GO_BASED = Pattern.compile("0[bB][01]+|0[oO][0-7]+");

  void skipSpaces() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
