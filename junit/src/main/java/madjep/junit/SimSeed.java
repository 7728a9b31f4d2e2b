package madjep.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.harness.StoreWriter;
import madjep.harness.shrink.Shrinker;
import madjep.harness.shrink.Shrunk;
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
  private final String shrinkCommand;
  private final Harness harness;
  /** Where the last run that was not valid was stored. */
  private Path stored;
  private Path shrunkFile;

  SimSeed(long seed, SimTestSettings settings, String replay, String shrinkCommand, Harness harness) {
    this.seed = seed;
    this.settings = settings;
    this.replay = replay;
    this.shrinkCommand = shrinkCommand;
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
   * store written for the seed, and the command that replays it. Returns the run for further assertions. With
   * {@code madjep.test.shrink} set, a failing seed is first shrunk ({@link #shrink}) and the message says where the
   * shrunk scenario is; without it, the message gives the command that shrinks this seed.
   */
  public Run check(Scenario scenario) {
    Run run = run(scenario);
    if (run.verdict() != Verdict.VALID) {
      String shrunk = settings.shrink() == null || run.verdict() != Verdict.INVALID
          ? "shrink: " + shrinkCommand : shrunkLines(scenario);
      throw new AssertionError(describe(run) + "\n" + shrunk);
    }
    return run;
  }

  /**
   * Shrinks this seed's failing run of {@code scenario} to a smaller one that fails the same way, writes it as {@code
   * shrunk.toml} into the seed's store directory, and returns it; throws {@link Shrinker.NotFailing} when the run does
   * not fail. The budget is {@code madjep.test.shrink}'s when it is a time, else 5 minutes.
   */
  public Shrunk shrink(Scenario scenario) {
    Scenario s = scenario.withSeed(seed);
    Duration budget = settings.shrink() != null ? settings.shrink() : SimTestSettings.SHRINK_BUDGET;
    Shrunk shrunk = Shrinker.of(harness).withBudget(budget).shrink(s);
    Path dir = stored != null ? stored : settings.store();
    Path file = dir.resolve("shrunk.toml");
    try {
      java.nio.file.Files.createDirectories(dir);
      madjep.history.io.AtomicFiles.writeString(file, shrunk.toml(replayOf(shrunk, file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    shrunkFile = file;
    return shrunk;
  }

  /** Where {@link #shrink} wrote the last shrunk scenario, or null. */
  public Path shrunk() {
    return shrunkFile;
  }

  private String shrunkLines(Scenario scenario) {
    Shrunk r;
    try {
      r = shrink(scenario);
    } catch (Shrinker.NotFailing e) {
      return "shrink: not possible, " + e.getMessage();
    }
    StringBuilder sb = new StringBuilder("shrunk (").append(r.oneMinimal() ? "1-minimal" : "not verified 1-minimal")
        .append(", ").append(r.shrunkFailure().describe()).append("):\n");
    for (String line : r.table()) {
      sb.append("  ").append(line.stripTrailing()).append('\n');
    }
    sb.append("shrunk scenario: ").append(shrunkFile.toAbsolutePath()).append('\n');
    sb.append("replay it: ").append(replayOf(r, shrunkFile.toAbsolutePath()));
    return sb.toString();
  }

  /** {@code madjep sim run FILE}, with the class path entry that holds a system given as a class. */
  private static String replayOf(Shrunk r, Path file) {
    String cmd = "madjep sim run " + file;
    madjep.sim.NodeFactory f = r.scenario().system().factory();
    if (f != null && f.getClass().getProtectionDomain().getCodeSource() != null) {
      try {
        cmd += " --classpath " + Path.of(f.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        // A class from no file: the command names none.
      }
    }
    return cmd;
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
