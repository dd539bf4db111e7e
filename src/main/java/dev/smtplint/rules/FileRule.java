package dev.smtplint.rules;

import dev.smtplint.config.ParsedConfig;

/**
 * A rule about a file as a file — its bytes, its syntax, its repeated keys, its top-level shape —
 * rather than about the settings it holds (ruff's repeated-keys rule F601 is the model). It owns
 * its message and its fix like any rule; the check runs it on each file as read, before the files
 * merge.
 */
public interface FileRule extends Rule {
  void checkFile(ParsedConfig parsed, Reporter out);
}
