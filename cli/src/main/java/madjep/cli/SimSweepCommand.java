package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import madjep.harness.Harness;
import madjep.harness.Seeds;
import madjep.harness.Sweep;
import madjep.sim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin ClassPathOption classpath = new ClassPathOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Harness harness = Harness.defaults();

  @Override
  public Integer call() throws IOException {
    long[] range = parseSeeds(seeds);
    int[] sh = parseShard(shard);
    Seeds mine;
    try {
      mine = new Seeds(range[0], range[1], sh[0], sh[1]);
    } catch (IllegalArgumentException e) {
      throw new UsageError("--seeds: " + e.getMessage());
    }
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new UsageError("--jobs: expected at least 1, found " + threads);
    }
    ClassLoader loader = classpath.install();
    Scenario base = SimRunCommand.configure(Scenarios.resolve(scenario, loader), null, duration);
    Harness h = harness.withStore(store).withTimeout(timeout);
    h.validate(base);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "sweep %s seeds %d..%d, shard %d/%d: %d seeds on %d threads%n", base.name(), range[0],
        range[1], sh[0], sh[1], mine.count(), threads);
    String cp = classpath.replayArgument();
    Sweep.Progress p = Sweep.progress(mine);
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine line = ProgressLine.start(err, () -> status(p));
    // Ctrl-C: say what finished and which seeds failed, with their replay lines; the store writer removes what it
    // had not finished writing.
    Thread onInterrupt = new Thread(() -> {
      line.stop();
      out.printf(Locale.ROOT, "%ninterrupted after %d of %d seeds%n", p.done(), p.total());
      summary(out, p);
      for (Sweep.Failure f : p.failures()) {
        out.printf("seed %d: %s; replay: %s%n", f.seed(), VerdictText.word(f.verdict()), f.replay());
      }
      out.flush();
    }, "madjep-sweep-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      new Sweep(h, threads).run(base, mine,
          s -> SimRunCommand.replay(scenario, base.withSeed(s), duration) + cp, p, (seed, f, progress) -> {
            if (f != null) {
              synchronized (line) {
                line.stop();
                out.printf("seed %d: %s; replay: %s%n", seed, f.summary(), f.replay());
                if (f.dir() != null) {
                  out.printf("  results: %s%n", f.dir());
                }
                out.flush();
              }
            }
          });
    } finally {
      line.stop();
      ProgressLine.removeHook(onInterrupt);
    }
    summary(out, p);
    return ExitCode.of(p.verdict());
  }

  private static void summary(PrintWriter out, Sweep.Progress p) {
    out.printf(Locale.ROOT, "%d seeds: %d valid, %d invalid, %d unknown (%s wall)%n", p.done(), p.valid(),
        p.invalid(), p.unknown(), Durations.format(p.elapsedNanos()));
    p.neverSeen().forEach((name, reached) -> out.printf(Locale.ROOT,
        "sometimes assertion '%s' never seen in %d seeds (reached in %d)%n", name, p.done(), reached));
  }

  /** {@code sweep: 1,234/100,000 seeds, 2 invalid, 0 unknown, 45.2 seeds/s, 36m 12s left}. */
  static String status(Sweep.Progress p) {
    double secs = p.elapsedNanos() / 1e9;
    double rate = secs > 0 ? p.done() / secs : 0;
    return String.format(Locale.ROOT, "sweep: %,d/%,d seeds, %d invalid, %d unknown, %.1f seeds/s, %s left",
        p.done(), p.total(), p.invalid(), p.unknown(), rate,
        ProgressLine.eta(rate > 0 ? (p.total() - p.done()) / rate : Double.NaN));
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
