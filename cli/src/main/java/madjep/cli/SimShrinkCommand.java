package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import madjep.harness.Harness;
import madjep.harness.shrink.Shrinker;
import madjep.harness.shrink.Shrunk;
import madjep.history.io.AtomicFiles;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code madjep sim shrink NAME|FILE --seed N --out FILE.toml [--budget TIME] [--jobs N] [--classpath PATH]}. */
@Command(
    name = "shrink",
    mixinStandardHelpOptions = true,
    description = {
      "Shrink a failing seed to a smaller scenario that fails the same way (same checker, same kind of",
      "violation): its random faults made explicit (steps at the same simulated times), then fewer fault steps,",
      "a shorter main phase, fewer clients, keys, ops and nodes. Writes a scenario file with explicit steps and",
      "the seed; 'madjep sim run FILE' replays it. The result is checked 1-minimal: removing any single fault",
      "step or client makes it pass. Exit 0 written, 2 when the seed does not fail (nothing to shrink)."
    })
final class SimShrinkCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "A bundled scenario name (see 'sim list') or a scenario file.")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", description = "The failing seed (default: the scenario's).")
  Long seed;

  @Option(names = "--out", paramLabel = "FILE.toml", required = true,
      description = "Where to write the shrunk scenario.")
  Path out;

  @Option(names = "--duration", paramLabel = "TIME",
      description = "Simulated time of the main phase, as given to 'sim run' (default: the scenario's).")
  String duration;

  @Option(names = "--budget", paramLabel = "TIME", defaultValue = "10m", converter = Durations.Converter.class,
      description = "Wall time to spend; past it the smallest scenario found so far is written (default: "
          + "${DEFAULT-VALUE}).")
  Duration budget;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Candidate runs at once (default: half the processors, at least 1). The result does not "
          + "depend on it.")
  Integer jobs;

  @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "300s",
      converter = Durations.Converter.class, description = "Checker time limit per run (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Mixin ClassPathOption classpath = new ClassPathOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (jobs != null && jobs < 1) {
      throw new UsageError("--jobs: expected at least 1, found " + jobs);
    }
    if (budget.isZero() || budget.isNegative()) {
      throw new UsageError("--budget: expected a time above 0, such as 5m");
    }
    ClassLoader loader = classpath.install();
    Scenario s = SimRunCommand.configure(Scenarios.resolve(scenario, loader), seed, duration);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Shrinker shrinker = Shrinker.of(Harness.defaults().withTimeout(timeout)).withBudget(budget);
    if (jobs != null) {
      shrinker = shrinker.withJobs(jobs);
    }
    out.printf(Locale.ROOT, "shrinking %s seed %d (budget %s)%n", s.name(), s.seed(), Durations.format(budget.toNanos()));
    out.flush();
    Shrunk r;
    // The shrinker reports each phase and each smaller scenario; the terminal line shows the latest every half second.
    AtomicReference<Shrinker.Progress> latest = new AtomicReference<>();
    long t0 = System.nanoTime();
    ProgressLine progress = ProgressLine.start(err, () -> status(latest.get(), System.nanoTime() - t0));
    String replay = "madjep sim run " + this.out + classpath.replayArgument();
    // Ctrl-C: the smallest scenario so far fails the same way, so it is written (atomically, never half a file),
    // marked as not verified 1-minimal. One file is written in all: the finished result or this one.
    Object outcome = new Object();
    boolean[] written = {false};
    Thread onInterrupt = new Thread(() -> {
      progress.stop();
      synchronized (outcome) {
        if (!written[0]) {
          written[0] = true;
          writeInterrupted(out, s, latest.get(), replay);
        }
      }
      out.flush();
    }, "madjep-shrink-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      r = shrinker.withListener(latest::set).shrink(s);
    } catch (Shrinker.NotFailing e) {
      out.println(e.getMessage());
      return ExitCode.UNKNOWN;
    } finally {
      progress.stop();
      ProgressLine.removeHook(onInterrupt);
    }
    synchronized (outcome) {
      if (written[0]) {
        return ExitCode.UNKNOWN; // interrupted as it finished: the interruption's file stands
      }
      written[0] = true;
      AtomicFiles.writeString(this.out, r.toml(replay));
    }
    out.printf(Locale.ROOT, "fails the same way: %s%n", r.shrunkFailure().describe());
    out.printf(Locale.ROOT, "explicit schedule: %d fault steps, %s%n", r.before().faultSteps(),
        r.explicitIdentical() ? "replays the same client ops" : "replays different client ops (fails the same way)");
    for (String line : r.table()) {
      out.println("  " + line.stripTrailing());
    }
    out.printf(Locale.ROOT, "1-minimal: %s%n", r.oneMinimal()
        ? "yes (removing any single fault step or client makes it pass; each was run)" : "not verified");
    for (String n : r.notes()) {
      out.println("note: " + n);
    }
    out.printf(Locale.ROOT, "shrunk in %s wall, %d runs; wrote %s%n", Durations.format(r.wallNanos()),
        r.candidates(), this.out);
    out.printf("replay: %s%n", replay);
    return ExitCode.VALID;
  }

  /** {@code removing fault steps: 12 fault steps, 3 clients, 4.5s main phase, 85 runs (31s)}. */
  private static String status(Shrinker.Progress p, long elapsed) {
    String took = " (" + ProgressLine.eta(elapsed / 1e9) + ")";
    return p == null ? "running the failing seed and its explicit schedule" + took : p.describe() + took;
  }

  /** Writes the smallest failing scenario found before an interruption, or says that there is none yet. */
  private void writeInterrupted(PrintWriter out, Scenario s, Shrinker.Progress p, String replay) {
    if (p == null) {
      out.printf("%ninterrupted before the failing seed's explicit schedule was checked: nothing written%n");
      return;
    }
    String header = "# Shrunk from " + s.name() + " seed " + s.seed() + " by madjep sim shrink, interrupted while "
        + p.phase() + ".\n# The smallest scenario found so far: it fails the same way; not verified 1-minimal.\n"
        + "# Replay: " + replay + "\n\n";
    try {
      AtomicFiles.writeString(this.out,
          header + ScenarioFiles.toToml(p.smallest().toBuilder().name(s.name() + "-shrunk").build()));
      out.printf(Locale.ROOT, "%ninterrupted while %s; wrote the smallest failing scenario so far (%d fault steps, "
          + "%d clients; not verified 1-minimal) to %s%nreplay: %s%n", p.phase(), p.steps(), p.clients(), this.out,
          replay);
    } catch (IOException | RuntimeException e) {
      out.printf("%ninterrupted while %s; could not write %s: %s%n", p.phase(), this.out, e.getMessage());
    }
  }
}
