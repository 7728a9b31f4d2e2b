package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import madjep.harness.Harness;
import madjep.harness.shrink.Shrinker;
import madjep.harness.shrink.Shrunk;
import madjep.history.io.AtomicFiles;
import madjep.sim.scenario.Scenario;
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
    ShrinkProgress progress = new ShrinkProgress(err);
    try {
      r = shrinker.withListener(progress).shrink(s);
    } catch (Shrinker.NotFailing e) {
      progress.stop();
      out.println(e.getMessage());
      return ExitCode.UNKNOWN;
    }
    progress.stop();
    String replay = "madjep sim run " + this.out + classpath.replayArgument();
    AtomicFiles.writeString(this.out, r.toml(replay));
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

  /** The shrinker's progress on one terminal line (standard error), rewritten in place; nothing when not a terminal. */
  private static final class ShrinkProgress implements Shrinker.Listener {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private int width;

    ShrinkProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void progress(Shrinker.Progress p) {
      if (!terminal) {
        return;
      }
      String line = String.format(Locale.ROOT, "%s: %d fault steps, %d clients, %s main phase (%d runs, %s)",
          p.phase(), p.steps(), p.clients(), madjep.sim.Durations.readable(p.duration()), p.candidates(),
          Durations.format(p.elapsedNanos() / 1_000_000_000L * 1_000_000_000L));
      err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      err.flush();
      width = line.length();
    }

    synchronized void stop() {
      if (terminal && width > 0) {
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
      }
    }
  }
}
