package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import madjep.sim.DeterminismCheck;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code madjep sim run NAME|FILE [--seed N] [--store DIR] [--check-determinism]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario (a bundled name or a TOML/YAML file), check its history with the checker its workload",
      "names, and write Jepsen's store layout: STORE/<scenario>/<time>/ with history.edn, history.jsonl,",
      "results.edn, results.json, scenario.toml (fully resolved, seed included), trace.log and report.html;",
      "STORE/latest links to it. Exit 0 valid, 1 invalid, 2 unknown."
    })
final class SimRunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "A bundled scenario name (see 'sim list') or a scenario file.")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", description = "The seed (default: the scenario's).")
  Long seed;

  @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
      description = "Where to write the run (default: ${DEFAULT-VALUE}).")
  Path store;

  @Option(names = "--duration", paramLabel = "TIME",
      description = "Simulated time of the main phase, such as 60s or 1h (default: the scenario's).")
  String duration;

  @Option(names = "--check-determinism",
      description = "Run the seed twice first and compare every event; report the first difference.")
  boolean checkDeterminism;

  @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "300s",
      converter = Durations.Converter.class, description = "Checker time limit (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  SimChecker checker = SimCheckers.standard();

  @Override
  public Integer call() throws IOException {
    Scenario s = configure(Scenarios.resolve(scenario), seed, duration);
    PrintWriter out = spec.commandLine().getOut();
    if (checkDeterminism) {
      DeterminismCheck.Report rep = SimRunner.checkDeterminism(s);
      if (!rep.deterministic()) {
        out.printf("determinism: FAILED, %s%n", rep.divergence().describe());
        out.printf("replay: %s%n", replay(scenario, s, duration));
        return ExitCode.INVALID;
      }
      out.printf(Locale.ROOT, "determinism: 2 runs identical (%,d events, hash %016x)%n", rep.events(), rep.hash());
    }
    return runAndReport(s, replay(scenario, s, duration), store, checker, timeout, out);
  }

  /** The scenario with the command line's overrides. */
  static Scenario configure(Scenario s, Long seed, String duration) {
    Scenario r = s;
    if (seed != null) {
      r = r.withSeed(seed);
    }
    if (duration != null) {
      try {
        r = r.toBuilder().duration(madjep.sim.Durations.parse(duration)).build();
      } catch (IllegalArgumentException e) {
        throw new UsageError("--duration: expected a duration such as 60s or 1h, found '" + duration + "'");
      }
    }
    return r;
  }

  /** Runs, checks, stores and prints one scenario; returns the verdict's exit code. */
  static int runAndReport(Scenario s, String replay, Path store, SimChecker checker, Duration timeout,
      PrintWriter out) throws IOException {
    out.printf(Locale.ROOT, "%s seed %d: %d nodes, %s%s, workload %s, %s simulated%n", s.name(), s.seed(),
        s.nodes(), s.system(), s.bug().equals("none") ? "" : " (bug: " + s.bug() + ")", s.workload(),
        madjep.sim.Durations.format(s.duration()));
    out.println(SimRunner.faultsDescription(s));
    out.flush();
    LocalDateTime started = LocalDateTime.now();
    long t0 = System.nanoTime();
    SimResult r = SimRunner.run(s);
    long t1 = System.nanoTime();
    out.printf(Locale.ROOT, "ran %,d events (%,d ops, %,d crashed) in %s wall for %s simulated (%.0fx real time)%n",
        r.events(), r.stats().get("ops-completed"), r.stats().get("ops-crashed"), Durations.format(t1 - t0),
        Durations.format(r.simulated()), r.simulated() / (double) Math.max(1, t1 - t0));
    // Check while the store writes the history: a long run's history takes seconds to write.
    long[] checkNanos = new long[1];
    java.util.concurrent.CompletableFuture<SimVerdict> check = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          long c0 = System.nanoTime();
          SimVerdict verdict = checker.check(r.history(), r.check(), timeout);
          checkNanos[0] = System.nanoTime() - c0;
          return verdict;
        });
    Path dir = RunStore.write(store, r, () -> join(check), started, replay);
    SimVerdict v = join(check);
    out.printf("check %s in %s (store written in %s)%n", v.summary(), Durations.format(checkNanos[0]),
        Durations.format(System.nanoTime() - t1));
    out.printf("results: %s%n", dir);
    if (v.code() != ExitCode.VALID) {
      out.printf("seed %d: %s; replay: %s%n", s.seed(), v.word(), replay);
    }
    return v.code();
  }

  private static SimVerdict join(java.util.concurrent.CompletableFuture<SimVerdict> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
  }

  /** The command that replays {@code s}: its name or file, its seed, and any duration override. */
  static String replay(String source, Scenario s, String duration) {
    return "madjep sim run " + source + " --seed " + s.seed() + (duration == null ? "" : " --duration " + duration);
  }
}
