package madjep.sim.nemesis;

import madjep.sim.Durations;

/**
 * One explicit fault step: at {@code at} (after the fault window opens) do {@code action} with {@code arg}. A {@code
 * late} step (written {@code 5s+ kill n1}) runs after every event already due at that instant, as a trigger's
 * reaction does; an ordinary one runs before them.
 * Actions: {@code start-partition SHAPE}, {@code stop-partition}, {@code kill SPEC}, {@code stop SPEC}, {@code
 * start}, {@code pause SPEC}, {@code resume}, {@code bump-clock SPEC}, {@code drift-clock SPEC}, {@code
 * reset-clock}, {@code start-packet}, {@code stop-packet}, {@code start-clog SPEC}, {@code stop-clog}, {@code heal}.
 */
public record Step(long at, String action, String arg, boolean late) {
  /** A step that runs before the other events due at {@code at}. */
  public Step(long at, String action, String arg) {
    this(at, action, arg, false);
  }

  /** Reads {@code "5s kill n1"}, {@code "12s stop-partition"} or {@code "7s+ pause n2"}. */
  public static Step parse(String text) {
    String[] w = text.trim().split("\\s+", 3);
    if (w.length < 2) {
      throw new IllegalArgumentException("expected a step such as '5s kill n1', found '" + text + "'");
    }
    boolean late = w[0].endsWith("+");
    Step s = new Step(Durations.parse(late ? w[0].substring(0, w[0].length() - 1) : w[0]), w[1],
        w.length > 2 ? w[2] : "", late);
    s.check();
    return s;
  }

  private void check() {
    switch (action) {
      case "start-partition", "kill", "stop", "pause", "bump-clock", "drift-clock", "start-clog", "start-packet" -> {
        if (arg.isEmpty()) {
          throw new IllegalArgumentException("step '" + describe() + "' needs a target or shape");
        }
      }
      case "stop-partition", "start", "resume", "reset-clock", "stop-packet", "stop-clog",
          "heal" -> {}
      default -> throw new IllegalArgumentException("unknown fault step action '" + action + "'");
    }
  }

  void apply(Nemesis n) {
    switch (action) {
      case "start-partition" -> n.startPartition(arg);
      case "stop-partition" -> n.stopPartition();
      case "kill" -> n.kill(arg);
      case "stop" -> n.stop(arg);
      case "start" -> n.restart();
      case "pause" -> n.pause(arg);
      case "resume" -> n.resume();
      case "bump-clock" -> n.bumpClock(arg);
      case "drift-clock" -> n.driftClock(arg);
      case "reset-clock" -> n.resetClock();
      case "start-packet" -> n.startPacket(arg);
      case "stop-packet" -> n.stopPacket();
      case "start-clog" -> n.startClog(arg);
      case "stop-clog" -> n.stopClog();
      case "heal" -> n.healAll();
      default -> throw new IllegalStateException(action);
    }
  }

  /** The kind of fault this step starts, or null for a step that only ends faults. */
  public FaultKind kind() {
    return switch (action) {
      case "start-partition" -> FaultKind.PARTITION;
      case "kill" -> FaultKind.KILL;
      case "stop" -> FaultKind.STOP;
      case "pause" -> FaultKind.PAUSE;
      case "bump-clock", "drift-clock" -> FaultKind.CLOCK;
      case "start-packet" -> FaultKind.PACKET;
      case "start-clog" -> FaultKind.CLOG;
      default -> null;
    };
  }

  public String describe() {
    return Durations.readable(at) + (late ? "+" : "") + " " + action + (arg.isEmpty() ? "" : " " + arg);
  }
}
