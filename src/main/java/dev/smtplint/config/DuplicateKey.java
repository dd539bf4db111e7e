package dev.smtplint.config;

/**
 * A key that appears twice in one object; the later one silently wins. The two members are kept
 * (the tree keeps only the later), for a fix that removes a repeat saying the same.
 */
public record DuplicateKey(
    String pointer,
    String key,
    Position first,
    Position second,
    JsonValue.Member earlier,
    JsonValue.Member later) {}
