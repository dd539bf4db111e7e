package dev.smtplint.report;

/** One step of a probe conversation: whether it passed, how long it took, what the server said. */
public record ProbeStage(String stage, boolean ok, long millis, String detail) {}
