package madjep.harness.shrink;

import java.util.List;
import java.util.Locale;
import madjep.harness.Run;
import madjep.sim.Durations;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;

/**
 * What shrinking found: a smaller scenario, with explicit fault steps and the original seed, that fails the same way.
 *
 * @param original the failing scenario shrinking started from
 * @param scenario the shrunk scenario: faults mode {@code none} and explicit steps
 * @param failure how the original fails
 * @param shrunkFailure how the shrunk scenario fails (at least one kind in common with {@code failure})
 * @param before the original run's size
 * @param after the shrunk run's size
 * @param run the shrunk scenario's run
 * @param explicitIdentical true when the explicit schedule replayed the original's client ops exactly
 * @param oneMinimal true when removing any single remaining fault step or client was run and passed
 * @param candidates candidate runs, the checks of 1-minimality included
 * @param wallNanos wall time spent
 * @param notes anything a reader must know: a spent budget, an explicit replay that differed, a system a file cannot
 *     name
 */
public record Shrunk(
    Scenario original,
    Scenario scenario,
    FailureKind failure,
    FailureKind shrunkFailure,
    Counts before,
    Counts after,
    Run run,
    boolean explicitIdentical,
    boolean oneMinimal,
    long candidates,
    long wallNanos,
    List<String> notes) {
  public Shrunk {
    notes = List.copyOf(notes);
  }

  /** The table of before/after figures, one line each, for consoles and the file's header. */
  public List<String> table() {
    return List.of(
        row("", "before", "after"),
        row("fault steps", before.faultSteps(), after.faultSteps()),
        row("client ops", before.ops(), after.ops()),
        row("events", before.events(), after.events()),
        row("simulated", Durations.readable(toMs(before.simulated())), Durations.readable(toMs(after.simulated()))),
        row("main phase", Durations.readable(before.duration()), Durations.readable(after.duration())),
        row("clients", before.clients(), after.clients()),
        row("keys", before.keys(), after.keys()),
        row("nodes", before.nodes(), after.nodes()));
  }

  /** Simulated time to the millisecond: a run ends a nanosecond past its last timeout. */
  private static long toMs(long nanos) {
    return nanos / Durations.MS * Durations.MS;
  }

  private static String row(String what, Object a, Object b) {
    return String.format(Locale.ROOT, "%-12s %12s %12s", what, a, b);
  }

  /** The scenario file: a header of comments (origin, failure, figures, replay command), then the TOML. */
  public String toml(String replay) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Shrunk from ").append(original.name()).append(" seed ").append(original.seed()).append(" (faults ")
        .append(original.faultMode()).append(") by madjep sim shrink.\n");
    sb.append("# Fails the same way: ").append(shrunkFailure.describe()).append(" (the original: ")
        .append(failure.describe()).append(")\n");
    for (String line : table()) {
      sb.append("#   ").append(line.stripTrailing()).append('\n');
    }
    sb.append("# 1-minimal: ").append(oneMinimal
        ? "removing any single fault step or client makes it pass (each was run)"
        : "not verified").append('\n');
    for (String n : notes) {
      sb.append("# Note: ").append(n).append('\n');
    }
    sb.append("# Replay: ").append(replay).append("\n\n");
    sb.append(ScenarioFiles.toToml(scenario));
    return sb.toString();
  }
}
