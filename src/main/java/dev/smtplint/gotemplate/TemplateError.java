package dev.smtplint.gotemplate;

/** A parse error; its message is Go's, and what the user reads. */
final class TemplateError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TemplateError(String message) {
    super(message, null, false, false);
  }
}
