package madjep.sim.workload;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.OpType;

/**
 * Generates the ops clients invoke (Jepsen's generator, minus timing, which the {@link Clients} driver owns) and
 * names the checker its histories need. Every choice comes from the stream passed in.
 */
public interface Workload {
  /** The name used in scenario files: register, kv, list-append, rw-register, bank, mutex, set or append. */
  String name();

  /** The next op for {@code process}. */
  Invocation next(SplittableRandom rng, long process);

  /** Called when an op of {@code process} completes (mutexes remember who holds the lock). */
  default void completed(long process, Invocation op, OpType type) {}

  /** Ops to run once at the end, after faults stop (a set's final read). */
  default List<Invocation> finals() {
    return List.of();
  }

  /** The checker for this workload's histories. */
  CheckSpec check();

  /** The workload's settings, as written in a resolved scenario file. */
  Map<String, Object> settings();
}
