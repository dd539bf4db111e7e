package dev.smtplint.schema;

import dev.smtplint.config.Position;

/**
 * One way the email settings break the schema. {@code subject} is the pointer of the value the
 * violation is about (for a missing or unknown property, the property's own pointer), so that a
 * more specific rule about the same value can take its place. {@code end}: just past the value (or
 * key) it points at.
 */
public record SchemaViolation(String subject, Position position, Position end, String message) {}
