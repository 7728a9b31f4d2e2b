package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.sim.DeterminismCheck;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code madjep sim run NAME|FILE [--seed N] [--store DIR] [--check-determinism] [--classpath PATH]}. */
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

  @Mixin ClassPathOption classpath = new ClassPathOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Harness harness = Harness.defaults();

  @Override
  public Integer call() throws IOException {
    ClassLoader loader = classpath.install();
    Scenario s = configure(Scenarios.resolve(scenario, loader), seed, duration);
    Harness h = harness.withStore(store).withTimeout(timeout);
    h.validate(s);
    PrintWriter out = spec.commandLine().getOut();
    String replay = replay(scenario, s, duration) + classpath.replayArgument();
    if (checkDeterminism) {
      DeterminismCheck.Report rep = SimRunner.checkDeterminism(s);
      if (!rep.deterministic()) {
        out.printf("determinism: FAILED, %s%n", rep.divergence().describe());
        out.printf("replay: %s%n", replay);
        return ExitCode.INVALID;
      }
      out.printf(Locale.ROOT, "determinism: 2 runs identical (%,d events, hash %016x)%n", rep.events(), rep.hash());
    }
    return runAndReport(s, replay, h, out, spec.commandLine().getErr());
  }

  /** The scenario with the command line's overrides. */
  static Scenario configure(Scenario s, Long seed, String duration) {
    Scenario r = s;
    if (seed != null) {
      r = r.withSeed(seed);
    }
    if (duration != null) {
      long d;
      try {
        d = madjep.sim.Durations.parse(duration);
      } catch (IllegalArgumentException e) {
        throw new UsageError("--duration: expected a duration such as 60s or 1h, found '" + duration + "'");
      }
      try {
        r = r.toBuilder().duration(d).build();
      } catch (IllegalArgumentException e) {
        throw new UsageError("--duration: " + e.getMessage());
      }
    }
    return r;
  }

  /** Runs, checks, stores and prints one scenario; returns the verdict's exit code. */
  static int runAndReport(Scenario s, String replay, Harness h, PrintWriter out, PrintWriter err)
      throws IOException {
    out.printf(Locale.ROOT, "%s seed %d: %d nodes, %s%s, workload %s, %s simulated%n", s.name(), s.seed(),
        s.nodes(), s.system().name(), s.bug().equals("none") ? "" : " (bug: " + s.bug() + ")", s.workload(),
        madjep.sim.Durations.format(s.duration()));
    out.println(SimRunner.faultsDescription(s));
    out.flush();
    LocalDateTime started = LocalDateTime.now();
    long t0 = System.nanoTime();
    long planned = SimRunner.plannedTime(s);
    madjep.sim.Simulation[] running = new madjep.sim.Simulation[1];
    ProgressLine progress = ProgressLine.start(err, () -> status(running[0], planned, t0));
    Thread onInterrupt = new Thread(() -> {
      progress.stop();
      madjep.sim.Simulation sim = running[0];
      out.printf(Locale.ROOT, "%ninterrupted at %s of %s simulated; nothing was stored%n",
          Durations.format(sim == null ? 0 : sim.now()), Durations.format(planned));
      out.flush();
    }, "madjep-run-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    SimResult[] simulated = new SimResult[1];
    Harness.Finished f;
    try {
      // The store's histories are written while the simulation runs; its other files once it is checked.
      f = h.run(s, replay, started, sim -> running[0] = sim, r -> {
        progress.stop();
        ProgressLine.removeHook(onInterrupt);
        simulated[0] = r;
        long t1 = System.nanoTime();
        out.printf(Locale.ROOT,
            "ran %,d events (%,d ops, %,d crashed) in %s wall for %s simulated (%.0fx real time)%n", r.events(),
            r.stats().get("ops-completed"), r.stats().get("ops-crashed"), Durations.format(t1 - t0),
            Durations.format(r.simulated()), r.simulated() / (double) Math.max(1, t1 - t0));
        out.flush();
      });
    } finally {
      progress.stop();
      ProgressLine.removeHook(onInterrupt);
    }
    SimResult r = simulated[0];
    Run run = f.run();
    out.printf("check %s in %s (store written in %s)%n", run.check().summary(), Durations.format(f.checkNanos()),
        Durations.format(f.finishNanos()));
    out.printf("faults fired: %s%n", r.coverage().describe());
    if (r.liveness() != null) {
      out.printf("liveness: %s%n", r.liveness().ok() ? "ok, " + r.liveness().describe()
          : (r.liveness().failed() ? "INVALID, " : "unknown, ") + r.liveness().describe());
    }
    for (String line : run.findings()) {
      if (!line.equals(run.check().summary()) && !line.startsWith("liveness: ")) {
        out.println(line);
      }
    }
    out.printf("results: %s%n", f.dir());
    if (run.verdict() != madjep.history.Verdict.VALID) {
      out.printf("seed %d: %s (%s); replay: %s%n", s.seed(), VerdictText.word(run.verdict()),
          String.join(", ", run.causes()), replay);
    }
    return ExitCode.of(run.verdict());
  }

  /** {@code run: 812 s of 3,612 s simulated, 31,200,000 events, 40x real time, 1m 10s left}. */
  static String status(madjep.sim.Simulation sim, long planned, long t0) {
    if (sim == null) {
      return "run: starting";
    }
    long now = sim.now();
    double wall = (System.nanoTime() - t0) / 1e9;
    double speed = wall > 0 ? now / 1e9 / wall : 0;
    return String.format(Locale.ROOT, "run: %,.0f s of %,.0f s simulated, %,d events, %.0fx real time, %s left",
        now / 1e9, planned / 1e9, sim.eventCount(), speed,
        ProgressLine.eta(speed > 0 ? (planned - now) / 1e9 / speed : Double.NaN));
  }

  /** The command that replays {@code s}: its name or file, its seed, and any duration override. */
  static String replay(String source, Scenario s, String duration) {
    return "madjep sim run " + source + " --seed " + s.seed() + (duration == null ? "" : " --duration " + duration);
  }
}
