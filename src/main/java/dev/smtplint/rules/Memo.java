package dev.smtplint.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers of a pure function of a string (a host name's provider, SES region, fault), kept: the
 * rules of one file ask about the same host several times, and a batch's files share a few hosts.
 * Bounded; past the bound, answers are computed each time. A subclass, not a lambda, gives the
 * function (LambdaFreeTest). Process-wide state, kept by measurement (bench/README.md: a 2,000-file
 * batch is 8-11% slower without it); it holds only answers of a pure function, so no run sees
 * another's effect.
 */
abstract class Memo<V> {
  private static final int AT_MOST = 1024;
  private final Map<String, V> seen = new ConcurrentHashMap<>();

  /** The answer for {@code key}; never null. */
  abstract V compute(String key);

  final V get(String key) {
    V known = seen.get(key);
    if (known != null) {
      return known;
    }
    V answer = compute(key);
    if (seen.size() < AT_MOST) {
      seen.put(key, answer);
    }
    return answer;
  }
}
