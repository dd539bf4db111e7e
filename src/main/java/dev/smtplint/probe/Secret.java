package dev.smtplint.probe;

import dev.smtplint.report.Redaction;

/** A password: it prints as a mask, so no log, message or report can show it by accident. */
public record Secret(String value) {
  @Override
  public String toString() {
    return Redaction.MASK;
  }
}
