package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code madjep sim sweep NAME|FILE --seeds A..B [--jobs N] [--shard I/N]}. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run and check a scenario for many seeds in parallel; print each seed that is not valid with the command",
      "that replays it. --shard I/N runs only the seeds whose offset from A is I modulo N (I from 0 to N-1), so",
      "any job runner (a CI matrix, Kubernetes indexed jobs) can split a sweep across machines.",
      "Exit 1 if any seed is invalid, else 2 if any is unknown, else 0."
    })
final class SimSweepCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "A bundled scenario name or a scenario file.")
  String scenario;

  @Option(names = "--seeds", required = true, paramLabel = "A..B", description = "The seeds, inclusive: 1..50.")
  String seeds;

  @Option(names = "--jobs", paramLabel = "N", description = "Seeds run at once (default: the cores).")
  Integer jobs;

  @Option(names = "--shard", paramLabel = "I/N", defaultValue = "0/1",
      description = "Run shard I of N (default: ${DEFAULT-VALUE}).")
  String shard;

  @Option(names = "--duration", paramLabel = "TIME", description = "Simulated time per seed (default: the scenario's).")
  String duration;

  @Option(names = "--store", paramLabel = "DIR",
      description = "Also write the store directory of every seed that is not valid.")
  Path store;

  @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "300s",
      converter = Durations.Converter.class, description = "Checker time limit per seed (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  SimChecker checker = SimCheckers.standard();

  private record Outcome(long seed, SimResult result, SimVerdict verdict) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    long[] range = parseSeeds(seeds);
    int[] sh = parseShard(shard);
    Scenario base = SimRunCommand.configure(Scenarios.resolve(scenario), null, duration);
    List<Long> mine = new ArrayList<>();
    for (long s = range[0]; s <= range[1]; s++) {
      if (Math.floorMod(s - range[0], (long) sh[1]) == sh[0]) {
        mine.add(s);
      }
    }
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new UsageError("--jobs: expected at least 1, found " + threads);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "sweep %s seeds %d..%d, shard %d/%d: %d seeds on %d threads%n", base.name(), range[0],
        range[1], sh[0], sh[1], mine.size(), threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int code = ExitCode.VALID;
    int invalid = 0;
    int unknown = 0;
    long t0 = System.nanoTime();
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (long s : mine) {
        futures.add(pool.submit(() -> {
          SimResult r = SimRunner.run(base.withSeed(s));
          return new Outcome(s, r, checker.check(r.history(), r.check(), timeout));
        }));
      }
      for (Future<Outcome> f : futures) {
        Outcome o;
        try {
          o = f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        SimVerdict v = o.verdict();
        code = ExitCode.merge(code, v.code());
        if (v.code() == ExitCode.VALID) {
          continue;
        }
        invalid += v.code() == ExitCode.INVALID ? 1 : 0;
        unknown += v.code() == ExitCode.UNKNOWN ? 1 : 0;
        String replay = SimRunCommand.replay(scenario, o.result().scenario(), duration);
        out.printf("seed %d: %s; replay: %s%n", o.seed(), v.summary(), replay);
        if (store != null) {
          out.printf("  results: %s%n", RunStore.write(store, o.result(), v, LocalDateTime.now(), replay));
        }
        out.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    out.printf(Locale.ROOT, "%d seeds: %d valid, %d invalid, %d unknown (%s wall)%n", mine.size(),
        mine.size() - invalid - unknown, invalid, unknown, Durations.format(System.nanoTime() - t0));
    return code;
  }

  static long[] parseSeeds(String text) {
    String[] p = text.split("\\.\\.");
    try {
      if (p.length == 2) {
        long a = Long.parseLong(p[0].trim());
        long b = Long.parseLong(p[1].trim());
        if (a <= b) {
          return new long[] {a, b};
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new UsageError("--seeds: expected A..B with A <= B, such as 1..50, found '" + text + "'");
  }

  static int[] parseShard(String text) {
    String[] p = text.split("/");
    try {
      if (p.length == 2) {
        int i = Integer.parseInt(p[0].trim());
        int n = Integer.parseInt(p[1].trim());
        if (n >= 1 && i >= 0 && i < n) {
          return new int[] {i, n};
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new UsageError("--shard: expected I/N with 0 <= I < N, such as 0/4, found '" + text + "'");
  }
}
