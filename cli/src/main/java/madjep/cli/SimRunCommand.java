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
    return runAndReport(s, replay, h, out);
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
  static int runAndReport(Scenario s, String replay, Harness h, PrintWriter out) throws IOException {
    out.printf(Locale.ROOT, "%s seed %d: %d nodes, %s%s, workload %s, %s simulated%n", s.name(), s.seed(),
        s.nodes(), s.system().name(), s.bug().equals("none") ? "" : " (bug: " + s.bug() + ")", s.workload(),
        madjep.sim.Durations.format(s.duration()));
    out.println(SimRunner.faultsDescription(s));
    out.flush();
    LocalDateTime started = LocalDateTime.now();
    long t0 = System.nanoTime();
    SimResult r = h.simulate(s);
    long t1 = System.nanoTime();
    out.printf(Locale.ROOT, "ran %,d events (%,d ops, %,d crashed) in %s wall for %s simulated (%.0fx real time)%n",
        r.events(), r.stats().get("ops-completed"), r.stats().get("ops-crashed"), Durations.format(t1 - t0),
        Durations.format(r.simulated()), r.simulated() / (double) Math.max(1, t1 - t0));
    Harness.Finished f = h.finish(r, replay, started);
    Run run = f.run();
    out.printf("check %s in %s (store written in %s)%n", run.summary(), Durations.format(f.checkNanos()),
        Durations.format(f.finishNanos()));
    out.printf("results: %s%n", f.dir());
    if (run.verdict() != madjep.history.Verdict.VALID) {
      out.printf("seed %d: %s; replay: %s%n", s.seed(), VerdictText.word(run.verdict()), replay);
    }
    return ExitCode.of(run.verdict());
  }

  /** The command that replays {@code s}: its name or file, its seed, and any duration override. */
  static String replay(String source, Scenario s, String duration) {
    return "madjep sim run " + source + " --seed " + s.seed() + (duration == null ? "" : " --duration " + duration);
  }
}
