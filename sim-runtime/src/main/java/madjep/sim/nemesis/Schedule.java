package madjep.sim.nemesis;

import java.util.List;
import java.util.SplittableRandom;
import madjep.sim.Simulation;

/**
 * When faults happen: Jepsen's nemesis generators. A schedule installs its steps on the sim for the window
 * {@code [start, end)}; timing draws come from the schedule's own stream, targets from the nemesis's.
 */
public sealed interface Schedule {
  void install(Simulation sim, Nemesis nemesis, SplittableRandom rng, long start, long end);

  /** A text form a scenario file can hold. */
  String describe();

  /** No faults. */
  record None() implements Schedule {
    @Override
    public void install(Simulation sim, Nemesis nemesis, SplittableRandom rng, long start, long end) {}

    @Override
    public String describe() {
      return "none";
    }
  }

  /**
   * Jepsen's combined package as start/stop cycles: every step (gaps uniform in 0..2 x interval, Jepsen's stagger)
   * picks one of the enabled kinds at random; if it is off, starts it and schedules its stop after another
   * staggered interval. Kinds overlap, but no fault outlasts about two intervals.
   */
  record Mix() implements Schedule {
    @Override
    public void install(Simulation sim, Nemesis nemesis, SplittableRandom rng, long start, long end) {
      List<FaultKind> kinds = nemesis.settings().orderedKinds();
      if (kinds.isEmpty()) {
        return;
      }
      long interval = nemesis.settings().interval();
      sim.at(start + rng.nextLong(2 * interval + 1), new Runnable() {
        @Override
        public void run() {
          if (sim.now() >= end) {
            return;
          }
          FaultKind k = kinds.get(rng.nextInt(kinds.size()));
          if (!nemesis.active(k) && nemesis.applicable(k)) {
            nemesis.start(k);
            sim.after(1 + rng.nextLong(2 * interval), () -> {
              if (nemesis.active(k) && sim.now() < end) {
                nemesis.stop(k);
              }
            });
          }
          sim.after(rng.nextLong(2 * interval + 1), this);
        }
      });
    }

    @Override
    public String describe() {
      return "mix";
    }
  }

  /** Explicit steps at fixed times after the window's start, such as {@code 5s kill n1}. */
  record Steps(List<Step> steps) implements Schedule {
    public Steps {
      steps = List.copyOf(steps);
    }

    @Override
    public void install(Simulation sim, Nemesis nemesis, SplittableRandom rng, long start, long end) {
      for (Step s : steps) {
        if (start + s.at() < end) {
          // A late step re-queues itself at the same instant, behind every event already due then.
          sim.at(start + s.at(), s.late() ? () -> sim.after(0, () -> s.apply(nemesis)) : () -> s.apply(nemesis));
        }
      }
    }

    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder("steps");
      for (Step s : steps) {
        sb.append("; ").append(s.describe());
      }
      return sb.toString();
    }
  }

  /** Windows run one after another, every fault healed at the end of each: Jepsen's {@code phases}. */
  record Phases(List<Phase> phases) implements Schedule {
    public Phases {
      phases = List.copyOf(phases);
    }

    @Override
    public void install(Simulation sim, Nemesis nemesis, SplittableRandom rng, long start, long end) {
      long t = start;
      for (Phase p : phases) {
        long e = Math.min(end, t + p.duration());
        p.schedule().install(sim, nemesis, rng, t, e);
        if (e < end) {
          sim.at(e, nemesis::healAll);
        }
        t = e;
      }
    }

    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder("phases");
      for (Phase p : phases) {
        sb.append("; ").append(madjep.sim.Durations.format(p.duration())).append(' ')
            .append(p.schedule().describe());
      }
      return sb.toString();
    }
  }

  /** One window of {@link Phases}. */
  record Phase(long duration, Schedule schedule) {}

  /**
   * Steps triggered by what nodes announce: when a node announces {@code event} (such as {@code leader}), apply
   * {@code action} to that node ({@code kill}, {@code pause}, {@code isolate}, {@code stop}) and undo it after
   * {@code undoAfter}. At most one trigger is in effect at a time.
   */
  record Trigger(String event, String action, long undoAfter) implements Schedule {
    @Override
    public void install(Simulation sim, Nemesis nemesis, SplittableRandom rng, long start, long end) {
      boolean[] busy = new boolean[1];
      sim.addListener((node, ev, value) -> {
        if (!ev.equals(event) || busy[0] || sim.now() < start || sim.now() >= end || node >= sim.servers()) {
          return;
        }
        busy[0] = true;
        String target = sim.name(node);
        // A step of its own, never inside the announcing node's handler.
        sim.after(0, () -> nemesis.reacting(() -> {
          switch (action) {
            case "kill" -> nemesis.kill(target);
            case "stop" -> nemesis.stop(target);
            case "pause" -> nemesis.pause(target);
            case "isolate" -> nemesis.startPartition(target + " | " + others(sim, node));
            default -> throw new IllegalArgumentException(
                "expected a trigger action: kill, stop, pause or isolate, found '" + action + "'");
          }
          sim.after(undoAfter, () -> {
            switch (action) {
              case "kill", "stop" -> nemesis.restart();
              case "pause" -> nemesis.resume();
              default -> nemesis.stopPartition();
            }
            busy[0] = false;
          });
        }));
      });
    }

    private static String others(Simulation sim, int node) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < sim.servers(); i++) {
        if (i != node) {
          sb.append(sb.length() == 0 ? "" : " ").append(sim.name(i));
        }
      }
      return sb.toString();
    }

    @Override
    public String describe() {
      return "on " + event + " " + action + " for " + madjep.sim.Durations.format(undoAfter);
    }
  }

  /** Several schedules at once (a mix plus triggers, say). */
  record All(List<Schedule> schedules) implements Schedule {
    public All {
      schedules = List.copyOf(schedules);
    }

    @Override
    public void install(Simulation sim, Nemesis nemesis, SplittableRandom rng, long start, long end) {
      for (Schedule s : schedules) {
        s.install(sim, nemesis, rng, start, end);
      }
    }

    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder();
      for (Schedule s : schedules) {
        sb.append(sb.length() == 0 ? "" : " + ").append(s.describe());
      }
      return sb.toString();
    }
  }
}
