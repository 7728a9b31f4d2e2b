package madjep.sim;

/**
 * Hears faults the simulation itself causes (rather than the nemesis): {@code oom-kill} and {@code oom-restart} when
 * a node outgrows its memory budget and its supervisor restarts it, {@code exit} and {@code exit-restart} when a node
 * {@link NodeContext#crash crashes itself}.
 */
@FunctionalInterface
public interface FaultListener {
  void fault(int node, String event, Object detail);
}
