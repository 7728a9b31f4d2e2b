package madjep.sim.scenario;

import java.util.List;
import java.util.Objects;
import madjep.history.History;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;
import madjep.sim.nemesis.StepLog;

/**
 * A run whose random fault schedule was written down as explicit steps (see {@link StepLog}), and the scenario that
 * replays those steps instead of drawing them: faults mode {@code none}, the fault settings the run used (swarm's draw
 * included, since packet faults take their rates from them), and one {@link Schedule.Steps} in place of the mix,
 * phases, triggers and steps it had. Every other stream is untouched, so the replay's clients see the same run.
 *
 * @param run the run of the original scenario
 * @param scenario the explicit scenario
 * @param steps the steps, in the order they were applied
 * @param unexplained faults applied that have no step form (empty when the replay can be exact)
 */
public record ExplicitRun(SimResult run, Scenario scenario, List<Step> steps, List<String> unexplained) {
  public ExplicitRun {
    steps = List.copyOf(steps);
    unexplained = List.copyOf(unexplained);
  }

  /** Runs {@code s} once, writing its faults down. */
  public static ExplicitRun of(Scenario s) {
    StepLog log = new StepLog(s.duration());
    FaultSettings[] effective = new FaultSettings[1];
    SimResult r = SimRunner.run(s, log, effective);
    List<Step> steps = log.steps();
    Scenario explicit = s.toBuilder().faultMode("none").faults(effective[0])
        .schedule(steps.isEmpty() ? new Schedule.None() : new Schedule.Steps(steps)).build();
    return new ExplicitRun(r, explicit, steps, log.unexplained());
  }

  /**
   * True when two histories hold the same client ops (type, process, {@code :f}, value, error and time, in order):
   * the same run as far as any checker can tell. Fault ops are left out, since an explicit step records the nodes
   * it hit where the random one recorded the spec it was asked.
   */
  public static boolean sameClientOps(History a, History b) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.size() && !a.isClient(i)) {
        i++;
      }
      while (j < b.size() && !b.isClient(j)) {
        j++;
      }
      if (i == a.size() || j == b.size()) {
        return i == a.size() && j == b.size();
      }
      if (a.type(i) != b.type(j) || a.process(i) != b.process(j) || a.time(i) != b.time(j)
          || !Objects.equals(a.f(i), b.f(j)) || !Objects.equals(a.value(i), b.value(j))
          || !Objects.equals(a.error(i), b.error(j))) {
        return false;
      }
      i++;
      j++;
    }
  }
}
