package dev.smtplint.probe;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds every step by --timeout, whatever the server does: a read timeout alone lets a server that
 * drips one byte a second keep a step alive forever, so the watchdog closes the connection when a
 * step's deadline passes.
 */
final class Watchdog implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "smtplint-probe-watchdog");
            t.setDaemon(true);
            return t;
          });

  /** The conversation after connecting, all steps together, ends within this many --timeouts. */
  static final int BUDGET_IN_TIMEOUTS = 8;

  private final Duration limit;
  private final BoundedSocket metered;
  private final long deadline;
  private ScheduledFuture<?> pending;
  private volatile Stage expired;

  Watchdog(Duration limit, BoundedSocket metered) {
    this.limit = limit;
    this.metered = metered;
    this.deadline = System.nanoTime() + limit.toNanos() * BUDGET_IN_TIMEOUTS;
  }

  /**
   * Starts the clock (and the input budget) of a step; when the clock runs out, {@code target} is
   * closed.
   */
  synchronized void arm(Stage stage, Closeable target) {
    disarm();
    metered.resetBudget();
    pending =
        timer.schedule(
            () -> {
              expired = stage;
              try {
                target.close();
              } catch (IOException ignored) {
                // closing is all that is wanted; a failure to close leaves the read timeout to act
              }
            },
            Math.max(1, Math.min(limit.toMillis(), (deadline - System.nanoTime()) / 1_000_000)),
            TimeUnit.MILLISECONDS);
  }

  synchronized void disarm() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  /** The step whose deadline passed, or null. */
  Stage expired() {
    return expired;
  }

  public void close() {
    disarm();
    timer.shutdownNow();
  }
}
