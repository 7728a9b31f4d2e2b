package madjep.harness.shrink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.history.DataError;
import madjep.sim.Durations;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.ExplicitRun;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import madjep.sim.workload.LivenessSettings;

/**
 * Shrinks a failing run to a smaller one that fails the same way ({@link FailureKind}).
 *
 * <pre>{@code
 * Shrunk s = Shrinker.of(Harness.defaults()).withBudget(Duration.ofMinutes(5)).shrink(failingScenario);
 * Files.writeString(Path.of("min.toml"), s.toml("madjep sim run min.toml"));
 * }</pre>
 *
 * <p>The search: run the scenario with its fault schedule written down ({@link ExplicitRun}), and check that the
 * explicit replay fails the same way; then, until a whole round changes nothing, shorten the main phase, the quiet
 * period, the final reads and the liveness window (probes in parallel, the shortest failing one kept), remove fault
 * steps (ddmin, then a fault with its end together), remove clients (ddmin over the threads that take ops), use fewer
 * keys, a lower op rate, fewer nodes, and move every fault earlier. Last, every single remaining fault step and client
 * is removed in turn: each removal must pass (1-minimal). The budget bounds the whole: when it is spent the best
 * scenario so far is returned, not verified 1-minimal. A shrinker is an immutable value.
 */
public final class Shrinker {
  /**
   * What shrinking is doing, for a progress line: the phase, candidate runs so far, and the smallest scenario found so
   * far (it fails the same way; an interrupted shrink can still write it).
   */
  public record Progress(String phase, long candidates, int steps, int clients, long duration, long elapsedNanos,
      Scenario smallest) {
    /** {@code removing fault steps: 12 fault steps, 3 clients, 4.5s main phase, 85 runs}. */
    public String describe() {
      return String.format(java.util.Locale.ROOT, "%s: %d fault steps, %d clients, %s main phase, %d runs", phase,
          steps, clients, Durations.readable(duration), candidates);
    }
  }

  /** Told of each phase and each smaller scenario found. */
  public interface Listener {
    void progress(Progress p);
  }

  /** The scenario given does not fail: there is nothing to shrink. */
  public static final class NotFailing extends RuntimeException {
    private final transient Run run;

    NotFailing(String message, Run run) {
      super(message);
      this.run = run;
    }

    /** The run that did not fail (or whose explicit replay did not). */
    public Run run() {
      return run;
    }
  }

  private final Harness harness;
  private final Duration budget;
  private final int jobs;
  private final Listener listener;

  private Shrinker(Harness harness, Duration budget, int jobs, Listener listener) {
    this.harness = harness;
    this.budget = budget;
    this.jobs = jobs;
    this.listener = listener;
  }

  /**
   * A shrinker that runs and checks candidates with {@code harness} (its checkers and checker time limit; its store
   * is not written), within 10 minutes, on half the processors (at least one).
   */
  public static Shrinker of(Harness harness) {
    return new Shrinker(harness, Duration.ofMinutes(10), Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        p -> {});
  }

  /** The most wall time to spend; past it the best scenario so far is returned. */
  public Shrinker withBudget(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("expected a budget above 0, found " + d);
    }
    return new Shrinker(harness, d, jobs, listener);
  }

  /** How many candidates run at once. The result does not depend on it. */
  public Shrinker withJobs(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("expected at least 1 job, found " + n);
    }
    return new Shrinker(harness, budget, n, listener);
  }

  public Shrinker withListener(Listener l) {
    return new Shrinker(harness, budget, jobs, l);
  }

  /** Shrinks {@code failing}; throws {@link NotFailing} when it (or its explicit replay) does not fail. */
  public Shrunk shrink(Scenario failing) {
    long t0 = System.nanoTime();
    ExplicitRun e = ExplicitRun.of(failing);
    Run original = harness.check(e.run(), "");
    FailureKind kind = FailureKind.of(original);
    if (!kind.failed()) {
      throw new NotFailing(failing.name() + " seed " + failing.seed() + " does not fail (" + original.summary()
          + "): nothing to shrink", original);
    }
    Counts before = Counts.of(original, e.steps().size());
    List<String> notes = new ArrayList<>();
    for (String u : e.unexplained()) {
      notes.add("fault " + u + " has no explicit step form and is not replayed");
    }
    Run explicitRun = harness.check(harness.simulate(e.scenario()), "");
    boolean identical = ExplicitRun.sameClientOps(e.run().history(), explicitRun.sim().history());
    if (!kind.matchedBy(FailureKind.of(explicitRun))) {
      throw new NotFailing("the explicit fault schedule of " + failing.name() + " seed " + failing.seed()
          + " does not fail the same way (" + explicitRun.summary() + "); cannot shrink it", explicitRun);
    }
    if (!identical) {
      notes.add("the explicit schedule replays a run whose client ops differ from the original's, but it fails the"
          + " same way");
    }
    Search search = new Search(kind, before, t0, notes);
    try (Candidates c = new Candidates(harness, kind, jobs, t0 + budget.toNanos())) {
      search.c = c;
      Scenario found = search.run(e.scenario());
      Scenario named = found.toBuilder().name(failing.name() + "-shrunk").build();
      Run last = c.run(named);
      FailureKind lastKind = FailureKind.of(last);
      if (!kind.matchedBy(lastKind)) {
        throw new IllegalStateException("the shrunk scenario no longer fails the same way on a fresh run ("
            + last.summary() + "): a determinism bug");
      }
      replayFromFile(named, kind, c, notes);
      return new Shrunk(failing, named, kind, lastKind, before, Counts.of(last, Cuts.steps(named).size()), last,
          identical, search.oneMinimal, c.runs() + 2, System.nanoTime() - t0, notes);
    }
  }

  /** Reads the scenario back from its own file text and runs that: the file must fail as the object does. */
  private static void replayFromFile(Scenario s, FailureKind kind, Candidates c, List<String> notes) {
    ClassLoader loader = s.system().bundled() ? Thread.currentThread().getContextClassLoader()
        : s.system().factory().getClass().getClassLoader();
    Scenario back;
    try {
      back = ScenarioFiles.parseToml(ScenarioFiles.toToml(s), s.name() + ".toml", loader);
    } catch (DataError unnamed) {
      notes.add("a scenario file cannot name this system (" + unnamed.getMessage() + "); replay it from Java");
      return;
    }
    if (!kind.matchedBy(FailureKind.of(c.run(back)))) {
      throw new IllegalStateException("the shrunk scenario fails, but read back from its file it does not: a bug in"
          + " the scenario file format");
    }
  }

  /** One shrinking search: the phases in rounds, then the check of 1-minimality. */
  private final class Search {
    final FailureKind kind;
    final Counts before;
    final long t0;
    final List<String> notes;
    Candidates c;
    boolean oneMinimal;
    String phase = "starting";
    Scenario best;

    Search(FailureKind kind, Counts before, long t0, List<String> notes) {
      this.kind = kind;
      this.before = before;
      this.t0 = t0;
      this.notes = notes;
    }

    Scenario run(Scenario explicit) {
      best = explicit;
      try {
        for (boolean changed = true; changed; ) {
          Scenario start = best;
          shorter();
          fewerSteps();
          fewerEpisodes();
          fewerClients();
          fewerKeys();
          lowerRate();
          fewerNodes();
          earlier();
          changed = !best.equals(start);
        }
        phase = "checking 1-minimality";
        report();
        oneMinimal = oneMinimal();
        if (!oneMinimal) {
          notes.add("a single removal still fails after the search converged; the result is not 1-minimal");
        }
      } catch (Candidates.OutOfBudget spent) {
        notes.add("the time budget ran out " + phase.replaceFirst("^checking", "while checking")
            + "; the result is the smallest found so far and is not verified 1-minimal");
      }
      return best;
    }

    private void take(Scenario s) {
      best = s;
      report();
    }

    private void report() {
      listener.progress(new Progress(phase, c.runs(), Cuts.steps(best).size(), Cuts.running(best).size(),
          best.duration(), System.nanoTime() - t0, best));
    }

    /**
     * Shortens the main phase (steps past its end go), then the quiet period, the time final reads may take and the
     * liveness window: each the shortest on a grid that still fails.
     */
    void shorter() {
      phase = "shortening the main phase";
      report();
      long grid = best.duration() >= Durations.s(2) ? Durations.ms(100) : Durations.ms(1);
      Scenario base = best;
      smallest(0, base.duration(), grid, d -> Cuts.withDuration(base, d));
      phase = "shortening the quiet period and final reads";
      report();
      Scenario quiet = best;
      smallest(-1, quiet.quiet(), Durations.ms(100), q -> quiet.toBuilder().quiet(q).build());
      Scenario finals = best;
      smallest(-1, finals.finals(), Durations.ms(100), f -> finals.toBuilder().finals(f).build());
      if (best.liveness().enabled()) {
        // The check stays on; its window (clients kept going after the heal) only gets shorter.
        Scenario live = best;
        smallest(0, live.liveness().window(), Durations.ms(100), w -> live.toBuilder()
            .liveness(new LivenessSettings(w, live.liveness().minOps())).build());
      }
    }

    /**
     * Moves every fault step earlier by the same amount (all of the time before the first step, or 3/4, 1/2, 1/4 of
     * it, on a 100 ms grid), and the main phase's end with them: the first of these that still fails is taken.
     */
    void earlier() {
      List<Step> steps = Cuts.steps(best);
      if (steps.isEmpty()) {
        return;
      }
      phase = "moving the faults earlier";
      report();
      long first = steps.get(0).at();
      List<Scenario> cs = new ArrayList<>();
      long last = -1;
      for (int quarters = 4; quarters >= 1; quarters--) {
        long shift = first * quarters / 4 / Durations.ms(100) * Durations.ms(100);
        if (shift > 0 && shift != last) {
          cs.add(Cuts.earlier(best, shift));
          last = shift;
        }
      }
      takeFirstFailing(cs);
    }

    void fewerSteps() {
      phase = "removing fault steps";
      report();
      Scenario base = best;
      List<Step> kept = Ddmin.minimize(Cuts.steps(base), batch -> {
        List<Scenario> cs = new ArrayList<>();
        for (List<Step> steps : batch) {
          cs.add(Cuts.withSteps(base, steps));
        }
        int i = c.firstFailing(cs);
        if (i >= 0) {
          take(cs.get(i));
        }
        return i;
      });
      best = Cuts.withSteps(base, kept);
    }

    /**
     * Removes a fault and the step that ends it together: a 1-minimal list can still hold such pairs, since removing
     * either alone leaves a fault on (or an end with nothing to end) that changes the run.
     */
    void fewerEpisodes() {
      phase = "removing faults with their ends";
      report();
      for (boolean found = true; found; ) {
        Scenario base = best;
        List<Step> steps = Cuts.steps(base);
        List<Scenario> cs = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
          int j = Cuts.end(steps, i);
          if (j >= 0) {
            List<Step> less = new ArrayList<>(steps);
            less.remove(j);
            less.remove(i);
            cs.add(Cuts.withSteps(base, less));
          }
        }
        takeFirstFailing(cs);
        found = best != base;
      }
    }

    void fewerClients() {
      phase = "removing clients";
      report();
      Scenario base = best;
      List<Integer> kept = Ddmin.minimize(Cuts.running(base), batch -> {
        List<Scenario> cs = new ArrayList<>();
        for (List<Integer> running : batch) {
          cs.add(running.isEmpty() ? null : Cuts.withRunning(base, running));
        }
        int i = firstFailingOrNull(cs);
        if (i >= 0) {
          take(cs.get(i));
        }
        return i;
      });
      best = Cuts.withRunning(base, kept);
      if (!best.clients().idle().isEmpty()) {
        // Fewer threads and none idle reads better; it is a different run, so it must fail on its own.
        Scenario compact = best.toBuilder().clients(new madjep.sim.workload.ClientSettings(kept.size(),
            best.clients().rate(), best.clients().timeout(), best.clients().retry())).build();
        if (c.fails(compact)) {
          take(compact);
        }
      }
    }

    void fewerKeys() {
      if (!madjep.sim.scenario.Workloads.of(best).settings().containsKey("keys")) {
        return;
      }
      phase = "using fewer keys";
      report();
      Scenario base = best;
      smallest(0, base.keys(), 1, n -> base.toBuilder().keys((int) n).build());
    }

    void lowerRate() {
      phase = "lowering the op rate";
      report();
      List<Scenario> cs = new ArrayList<>();
      for (int div : new int[] {8, 4, 2}) {
        double rate = best.clients().rate() / div;
        cs.add(best.toBuilder().clients(new madjep.sim.workload.ClientSettings(best.clients().concurrency(), rate,
            best.clients().timeout(), best.clients().retry(), best.clients().idle())).build());
      }
      takeFirstFailing(cs);
    }

    void fewerNodes() {
      phase = "using fewer nodes";
      report();
      List<Scenario> cs = new ArrayList<>();
      Scenario base = best;
      for (int n = 1; n < base.nodes(); n++) {
        int nodes = n;
        cs.add(buildOrNull(() -> Cuts.withNodes(base, nodes)));
      }
      takeFirstFailing(cs);
    }

    /**
     * The smallest value on {@code grid} above {@code floor} and below {@code current} whose scenario still fails,
     * found by probing {@code jobs} values at a time and narrowing to the first that fails (a bisection with one job);
     * the scenario found is taken.
     */
    private void smallest(long floor, long current, long grid, java.util.function.LongFunction<Scenario> with) {
      long lo = floor;
      long hi = current;
      while (hi - lo > grid) {
        List<Scenario> probes = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        for (int i = 1; i <= jobs; i++) {
          add(probes, at, roundUp(lo + (hi - lo) * i / (jobs + 1), grid), lo, hi, with);
        }
        if (probes.isEmpty()) {
          add(probes, at, roundUp(lo + 1, grid), lo, hi, with);
        }
        if (probes.isEmpty()) {
          return;
        }
        int i = firstFailingOrNull(probes);
        if (i >= 0) {
          hi = at.get(i);
          lo = i == 0 ? lo : at.get(i - 1);
          take(probes.get(i));
        } else {
          lo = at.get(at.size() - 1);
        }
      }
    }

    private void add(List<Scenario> probes, List<Long> at, long v, long lo, long hi,
        java.util.function.LongFunction<Scenario> with) {
      if (v > lo && v < hi && (at.isEmpty() || v > at.get(at.size() - 1))) {
        at.add(v);
        probes.add(buildOrNull(() -> with.apply(v)));
      }
    }

    /** Removes each remaining fault step, then each remaining client: every one of these runs must pass. */
    boolean oneMinimal() {
      List<Scenario> cs = new ArrayList<>();
      List<Step> steps = Cuts.steps(best);
      for (int i = 0; i < steps.size(); i++) {
        List<Step> less = new ArrayList<>(steps);
        less.remove(i);
        cs.add(Cuts.withSteps(best, less));
      }
      List<Integer> running = Cuts.running(best);
      if (running.size() > 1) {
        for (int i = 0; i < running.size(); i++) {
          List<Integer> less = new ArrayList<>(running);
          less.remove(i);
          cs.add(Cuts.withRunning(best, less));
        }
      }
      return c.firstFailing(cs) < 0;
    }

    /** Takes the first candidate that fails the same way, if one does (null candidates pass). */
    private void takeFirstFailing(List<Scenario> cs) {
      int i = firstFailingOrNull(cs);
      if (i >= 0) {
        take(cs.get(i));
      }
    }

    /** Like {@link Candidates#firstFailing}, where a null candidate (one that cannot be built) passes. */
    private int firstFailingOrNull(List<Scenario> cs) {
      List<Scenario> real = new ArrayList<>();
      List<Integer> index = new ArrayList<>();
      for (int i = 0; i < cs.size(); i++) {
        if (cs.get(i) != null) {
          real.add(cs.get(i));
          index.add(i);
        }
      }
      int i = c.firstFailing(real);
      return i < 0 ? -1 : index.get(i);
    }
  }

  private static Scenario buildOrNull(java.util.function.Supplier<Scenario> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }

  private static long roundUp(long t, long grid) {
    return -Math.floorDiv(-t, grid) * grid;
  }
}
