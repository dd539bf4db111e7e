package dev.smtplint.run;

import dev.smtplint.check.Judgement;
import dev.smtplint.check.Linter;
import dev.smtplint.probe.ProbeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** The probe step of a run: every judged unit probed, a few at once, each isolated. */
public final class Probes {
  /**
   * At most this many servers are probed at once: N stalled servers cost about N / 4 budgets, not
   * N.
   */
  private static final int PROBES_AT_ONCE = 4;

  private Probes() {}

  /** Probes every judged unit, a few at once, each isolated; the units keep their order. */
  public static List<Judgement> all(
      List<Judgement> units,
      ProbeRun probeRun,
      UnitChecks checks,
      Linter linter,
      Function<String, ProbeListener> listeners) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(PROBES_AT_ONCE, units.size())),
            r -> {
              Thread t = new Thread(r, "smtplint-probe");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Judgement>> probed = new ArrayList<>();
      for (Judgement unit : units) {
        probed.add(
            pool.submit(
                () ->
                    unit.judged().isEmpty()
                        ? unit
                        : unit.probed(
                            checks.isolated(
                                unit.name(),
                                () ->
                                    linter.probe(
                                        unit.judged().get(),
                                        probeRun.step(listeners.apply(unit.name())))))));
      }
      List<Judgement> out = new ArrayList<>();
      for (Future<Judgement> f : probed) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while probing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UsageException usage) {
        throw usage; // a probe option the run cannot use: exit 2
      }
      throw new IllegalStateException("a probe task failed outside its isolation", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
