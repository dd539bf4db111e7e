package dev.smtplint.gotemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Go's text/template, as {@code text/template/parse} accepts it, enough to tell whether
 * Sourcegraph's {@code ParseTemplate} would accept a custom email template, and which fields of the
 * data it reads. No Java library parses Go templates: a hand-written {@link Lexer}, a
 * recursive-descent {@link Parser} and a {@link Fields} walk, linear in the input (bounded
 * nesting).
 */
public final class GoTemplate {
  /** Go's builtin functions (text/template funcs.go). */
  public static final Set<String> BUILTINS =
      Set.of(
          "and",
          "call",
          "html",
          "index",
          "slice",
          "js",
          "len",
          "not",
          "or",
          "print",
          "printf",
          "println",
          "urlquery",
          "eq",
          "ge",
          "gt",
          "le",
          "lt",
          "ne");

  /**
   * The outcome: a parse error (Go's words), and the data fields read from the root (up to the
   * error).
   */
  public record Parsed(Optional<String> error, List<String> rootFields) {}

  private GoTemplate() {}

  /**
   * Parses {@code text} with the builtins and {@code extraFunctions} defined, as
   * template.New(...).Funcs(...).Parse does.
   */
  public static Parsed parse(String text, Set<String> extraFunctions) {
    Set<String> functions = new HashSet<>(BUILTINS);
    functions.addAll(extraFunctions);
    Fields fields = new Fields();
    try {
      new Parser(text, functions, fields).parse();
      return new Parsed(Optional.empty(), fields.root());
    } catch (TemplateError e) {
      return new Parsed(Optional.of(e.getMessage()), fields.root());
    }
  }
}
