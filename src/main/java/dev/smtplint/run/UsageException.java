package dev.smtplint.run;

/** A mistake of the user's (bad option value, unreadable settings): one line on stderr, exit 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
