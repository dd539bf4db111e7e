package dev.smtplint.probe;

import dev.smtplint.report.ProbeStage;

/**
 * Told of each step as it starts and as it ends, for live progress at a terminal. Called on the
 * probe's thread; details arrive already redacted (no form of the password).
 */
public interface ProbeListener {
  ProbeListener NONE = new ProbeListener() {};

  default void started(String stage) {}

  default void ended(ProbeStage stage) {}
}
