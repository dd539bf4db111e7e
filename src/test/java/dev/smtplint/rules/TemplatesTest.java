package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Sourcegraph's ParseTemplate adds one function per kind: markdownToText for text,
 * markdownToSafeHTML for html.
 */
class TemplatesTest {
  @Test
  void theExtraFunctionDependsOnTheTemplateKind() {
    assertTrue(Templates.parse("html", "{{markdownToSafeHTML .URL}}").error().isEmpty());
    assertTrue(Templates.parse("subject", "{{markdownToSafeHTML .URL}}").error().isPresent());
    assertTrue(Templates.parse("text", "{{markdownToText .URL}}").error().isEmpty());
  }
}
