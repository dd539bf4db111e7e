package dev.smtplint.cli;

/** A mistake of the user's (bad option value, unreadable settings): one line on stderr, exit 2. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
