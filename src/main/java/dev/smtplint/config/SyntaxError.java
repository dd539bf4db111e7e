package dev.smtplint.config;

/** Why a file is not valid JSONC, and where the first fault is. */
public record SyntaxError(String message, Position position) {}
