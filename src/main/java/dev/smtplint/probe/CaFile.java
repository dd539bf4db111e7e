package dev.smtplint.probe;

/**
 * The --ca-file as read once, when the command line is checked: a pipe ({@code <(…)}) can be read
 * only once, and every probe of the run needs it.
 */
public record CaFile(String name, byte[] pem) {}
