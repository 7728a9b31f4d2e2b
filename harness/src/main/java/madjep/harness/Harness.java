package madjep.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;

/**
 * Runs a scenario of any system, checks its history with the checker its workload names, and writes the store: the
 * one path from a {@link Scenario} to a verdict that the CLI, the JUnit extension and a user's own code share.
 *
 * <pre>{@code
 * Harness h = Harness.defaults().withStore(Path.of("store"));
 * Run run = h.run(Scenario.builder("mine").system(new MySystem()).seed(7).build(), "my replay command");
 * if (run.verdict() != Verdict.VALID) {
 *   System.out.println(run.summary());
 * }
 * }</pre>
 *
 * <p>A harness is an immutable value; one may serve many threads at once.
 */
public final class Harness {
  private final Checker checker;
  private final Duration timeout;
  private final Path store;

  private Harness(Checker checker, Duration timeout, Path store) {
    this.checker = checker;
    this.timeout = timeout;
    this.store = store;
  }

  /** The standard checkers, a 300 s checker limit, and no store. */
  public static Harness defaults() {
    return new Harness(Checkers.standard(), Duration.ofSeconds(300), null);
  }

  /** Writes every run into {@code dir} (Jepsen's layout), or none when null. */
  public Harness withStore(Path dir) {
    return new Harness(checker, timeout, dir);
  }

  /** The checker's time limit per run: past it the verdict is unknown. */
  public Harness withTimeout(Duration t) {
    return new Harness(checker, t, store);
  }

  public Harness withChecker(Checker c) {
    return new Harness(c, timeout, store);
  }

  public Path store() {
    return store;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Refuses a scenario or a store that cannot work before anything runs ({@link madjep.sim.scenario.ScenarioCheck}):
   * every setting in range, every fault step on a node that exists and before the end, the system found, the
   * store writable. Throws {@link IllegalArgumentException} ({@code key: what was expected}) or {@link IOException}.
   */
  public void validate(Scenario s) throws IOException {
    madjep.sim.scenario.ScenarioCheck.require(s);
    madjep.sim.scenario.Systems.factory(s);
    if (store != null) {
      StoreWriter.check(store, s.name());
    }
  }

  /** Simulates, checks and (with a store) writes one run. */
  public Run run(Scenario s, String replay) throws IOException {
    return run(s, replay, LocalDateTime.now(), sim -> { }, r -> { }).run();
  }

  /**
   * Simulates, checks and (with a store) writes one run, handing the simulation to {@code watch} before it starts (a
   * progress display) and its result to {@code simulated} before checking. With a store, the histories are written
   * while the simulation records them, on the core it leaves idle, so a long run's store is mostly written when the
   * simulation ends; a run that fails or is interrupted leaves nothing in the store.
   */
  public Finished run(Scenario s, String replay, LocalDateTime started,
      java.util.function.Consumer<madjep.sim.Simulation> watch, java.util.function.Consumer<SimResult> simulated)
      throws IOException {
    validate(s);
    if (store == null) {
      SimResult r = simulate(s, watch);
      simulated.accept(r);
      return finish(r, replay, started);
    }
    try (StoreWriter.Open open = StoreWriter.open(store, s.name(), started)) {
      SimResult r = SimRunner.run(s, watch, open.histories(), StreamedHistories.EVERY);
      simulated.accept(r);
      open.histories().finish(r.history());
      return finish(r, replay, outcome -> open.complete(r, replay, outcome));
    }
  }

  /** Only the simulation step. */
  public SimResult simulate(Scenario s) {
    return SimRunner.run(s);
  }

  /** Only the simulation step, handing the simulation to {@code watch} first (for a progress display). */
  public SimResult simulate(Scenario s, java.util.function.Consumer<madjep.sim.Simulation> watch) {
    return SimRunner.run(s, watch);
  }

  /** A checked run, where it was stored (null without a store), and how long checking and writing took. */
  public record Finished(Run run, Path dir, long checkNanos, long finishNanos) {}

  /** Checks a simulated run and writes it to the store, both at once: a long run's history takes seconds to write. */
  public Finished finish(SimResult r, String replay, LocalDateTime started) throws IOException {
    if (store == null) {
      long t0 = System.nanoTime();
      Run run = check(r, replay);
      long t = System.nanoTime() - t0;
      return new Finished(run, null, t, t);
    }
    return finish(r, replay, outcome -> StoreWriter.write(store, r, replay, outcome, started));
  }

  /** Writes the store of a run being checked, asking for the outcome once it needs it; returns the directory. */
  @FunctionalInterface
  private interface Storing {
    Path store(java.util.function.Supplier<Run> outcome) throws IOException;
  }

  /** Checks on a thread of its own while {@code storing} writes, and waits for both. */
  private Finished finish(SimResult r, String replay, Storing storing) throws IOException {
    long t0 = System.nanoTime();
    long[] checkNanos = new long[1];
    CompletableFuture<Run> check = CompletableFuture.supplyAsync(() -> {
      long c0 = System.nanoTime();
      Run run = check(r, replay);
      checkNanos[0] = System.nanoTime() - c0;
      return run;
    }, OwnThread.INSTANCE);
    Path dir = storing.store(() -> join(check));
    Run run = join(check);
    return new Finished(run, dir, checkNanos[0], System.nanoTime() - t0);
  }

  /** Checks a simulated run, and judges it with its node failure and its liveness. */
  public Run check(SimResult r, String replay) {
    CheckResult c;
    try {
      c = checker.check(r.history(), r.check(), timeout);
    } catch (OutOfMemoryError e) {
      // What the checker built is garbage now; the run still gets its answer and its store.
      c = outOfMemory(r.check());
    }
    if (c.failedOp() >= 0) {
      // Name the node that served the op, the faults of the moment and the leaders of the time.
      String context = OpContext.describe(r, c.failedOp());
      java.util.Map<madjep.history.edn.Keyword, Object> data = new java.util.LinkedHashMap<>(c.data());
      data.put(madjep.history.edn.Keyword.of("context"), context);
      c = new CheckResult(c.verdict(), c.summary() + " [" + context + "]", data, c.failedOp());
    }
    return Run.judge(r, c, replay);
  }

  /**
   * A check that ran out of memory: unknown, never a verdict, with cause {@code memory} and the heap limit it had. A
   * long list-append run is the usual way there: every read returns its key's whole list.
   */
  static CheckResult outOfMemory(madjep.sim.workload.CheckSpec spec) {
    long mb = Runtime.getRuntime().maxMemory() >> 20;
    java.util.Map<madjep.history.edn.Keyword, Object> data = new java.util.LinkedHashMap<>();
    data.put(madjep.history.edn.Keyword.of("valid?"), madjep.history.Verdict.UNKNOWN.toData());
    data.put(madjep.history.edn.Keyword.of("cause"), madjep.history.edn.Keyword.of("memory"));
    data.put(madjep.history.edn.Keyword.of("heap-limit-mb"), mb);
    return new CheckResult(madjep.history.Verdict.UNKNOWN, spec.checker() + ": unknown (memory): the check ran out of"
        + " memory within a heap of " + mb + " MB; give the JVM more (JAVA_OPTS=-Xmx8g) or record fewer ops", data);
  }

  private static Run join(CompletableFuture<Run> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
  }
}
