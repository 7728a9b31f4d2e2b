package madjep.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.harness.StoreWriter;
import madjep.history.Verdict;
import madjep.sim.DeterminismCheck;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimRunner;

/**
 * One seed of a {@link SimTest}: runs a scenario with it, checks it, stores it when it is not valid. One per
 * invocation, never shared.
 */
public final class SimSeed {
  private final long seed;
  private final SimTestSettings settings;
  private final String replay;
  private final Harness harness;
  /** Where the last run that was not valid was stored. */
  private Path stored;

  SimSeed(long seed, SimTestSettings settings, String replay, Harness harness) {
    this.seed = seed;
    this.settings = settings;
    this.replay = replay;
    this.harness = harness;
  }

  /** This invocation's seed. */
  public long seed() {
    return seed;
  }

  /** The command that replays this seed alone. */
  public String replay() {
    return replay;
  }

  /**
   * Runs {@code scenario} with this seed and checks it; fails the test unless it is valid, naming the verdict, the
   * store written for the seed, and the command that replays it. Returns the run for further assertions.
   */
  public Run check(Scenario scenario) {
    Run run = run(scenario);
    if (run.verdict() != Verdict.VALID) {
      throw new AssertionError(describe(run));
    }
    return run;
  }

  /**
   * Runs {@code scenario} with this seed and checks it, without failing: for tests that expect a violation. A run
   * that is not valid is stored all the same. In determinism mode the seed first runs twice and every event is
   * compared; a difference fails the test.
   */
  public Run run(Scenario scenario) {
    Scenario s = scenario.withSeed(seed);
    try {
      harness.validate(s);
      StoreWriter.check(settings.store(), s.name());
      if (settings.checkDeterminism()) {
        DeterminismCheck.Report r = SimRunner.checkDeterminism(s);
        if (!r.deterministic()) {
          throw new AssertionError("seed " + seed + " is not deterministic: " + r.divergence().describe()
              + "\nreplay: " + replay);
        }
      }
      LocalDateTime started = LocalDateTime.now();
      Run run = harness.run(s, replay);
      if (run.verdict() != Verdict.VALID) {
        stored = StoreWriter.write(settings.store(), run, started);
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The failure message: the verdict sentence, every finding, the store and the replay command. */
  String describe(Run run) {
    StringBuilder sb = new StringBuilder();
    sb.append("seed ").append(seed).append(": ").append(run.verdict() == Verdict.INVALID ? "INVALID" : "unknown")
        .append(" (").append(String.join(", ", run.causes())).append(")\n");
    for (String line : run.findings()) {
      sb.append(line).append('\n');
    }
    sb.append("store: ").append(stored == null ? "(none)" : stored.toAbsolutePath()).append('\n');
    sb.append("replay: ").append(replay);
    return sb.toString();
  }

  /** The store directory of the last run that was not valid, or null. */
  public Path stored() {
    return stored;
  }
}
