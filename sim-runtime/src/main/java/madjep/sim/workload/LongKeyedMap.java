package madjep.sim.workload;

import java.util.Map;

/**
 * A read-only map whose keys are all {@code Long}s, readable by position without an entry object or a boxed key each.
 * The registers of an {@link OpMachine#snapshot()} are one: a replica encodes its whole state at every compaction and
 * decodes it at every restart, and iterating its entries boxed a key and made an entry for each register (on the
 * simulated hour of {@code examples/raft-kv-hour.toml}, 0.9 GB of the simulation's allocation; benchmarks/RESULTS.md,
 * "The simulated hour, ninth pass"). A codec may write one by position, and may decode into one for {@link
 * OpMachine#restore} to read back the same way. Positions run from 0 to {@code size() - 1}, in the map's iteration
 * order.
 */
public interface LongKeyedMap extends Map<Object, Object> {
  /** The key at position {@code i}. */
  long keyAt(int i);

  /** The value at position {@code i} (null for nil). */
  Object valueAt(int i);
}
