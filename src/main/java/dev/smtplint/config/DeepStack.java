package dev.smtplint.config;

import java.util.function.Supplier;

/**
 * Work on a deeply nested file, on a thread with a deep stack. Sourcegraph loads a site config
 * nested up to 10,000 levels (Go's encoding/json limit), and the reader's tree and the walks over
 * it recurse: a default stack ends near 2,000 levels. Nearly every file is shallow and stays on the
 * caller's thread.
 */
public final class DeepStack {
  private static final long BYTES = 64L << 20;

  private DeepStack() {}

  /**
   * {@code work}'s answer, computed on a thread of its own with a 64 MiB stack (reserved; used as
   * deep as the file nests).
   */
  public static <T> T run(String name, Supplier<T> work) {
    Object[] answer = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread thread =
        new Thread(
            null,
            new Runnable() {
              @Override
              public void run() {
                try {
                  answer[0] = work.get();
                } catch (RuntimeException | Error e) {
                  failure[0] = e;
                }
              }
            },
            "smtplint-deep " + name,
            BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + name, e);
    }
    if (failure[0] instanceof RuntimeException r) {
      throw r;
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    T t = (T) answer[0];
    return t;
  }
}
