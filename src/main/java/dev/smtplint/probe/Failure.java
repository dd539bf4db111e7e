package dev.smtplint.probe;

/**
 * Why the probe stopped (or warns): the rule id, the setting most likely at fault as a JSON
 * Pointer, and a message that quotes the server and says what to change.
 */
public record Failure(String rule, String pointer, String message) {}
