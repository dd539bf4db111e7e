package dev.smtplint.config;

/** A key that appears twice in one object; the later one silently wins. */
public record DuplicateKey(String pointer, String key, Position first, Position second) {}
