package dev.smtplint.report;

/**
 * Why the probe stopped (or warns): the check that failed, the setting most likely at fault as a
 * JSON Pointer into the settings as Sourcegraph reads them, and a message that quotes the server
 * and says what to change. The check places it in the file that supplied that setting.
 */
public record ProbeFailure(ProbeCheck check, String pointer, String message) {}
