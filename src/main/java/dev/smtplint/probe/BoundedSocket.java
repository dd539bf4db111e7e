package dev.smtplint.probe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A plain socket whose input is metered per step: a server that floods a step with more than {@link
 * #STEP_BUDGET} bytes (an endless reply line, say) is cut off before the reply parser's buffers can
 * exhaust memory. Reads after STARTTLS pass through it too, as TLS reads this socket.
 */
final class BoundedSocket extends Socket {
  static final int STEP_BUDGET = 4 * 1024 * 1024;

  private volatile long remaining = STEP_BUDGET;
  private InputStream metered;

  /** A new step starts with a fresh budget. */
  void resetBudget() {
    remaining = STEP_BUDGET;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (metered == null) {
      metered = new Metered(super.getInputStream());
    }
    return metered;
  }

  /** A step read more than its budget: the server floods it. */
  static final class FloodException extends IOException {
    private static final long serialVersionUID = 1L;

    FloodException() {
      super("the server sent more than " + (STEP_BUDGET >> 20) + " MiB in one step");
    }
  }

  private final class Metered extends FilterInputStream {
    Metered(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      spend(1);
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      spend(0);
      int n = super.read(b, off, (int) Math.min(len, Math.max(1, remaining)));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    private void spend(int n) throws IOException {
      if (remaining - n < 0) {
        close();
        throw new FloodException();
      }
      remaining -= n;
    }
  }
}
