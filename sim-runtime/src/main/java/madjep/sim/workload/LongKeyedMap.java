package madjep.sim.workload;

import java.util.Map;

/**
 * A read-only map whose keys are all {@code Long}s, readable by position without an entry object or a boxed key each.
 * The registers of an {@link OpMachine#snapshot()} are one: a replica encodes its whole state at every compaction and
 * restores it at every restart, and reading the registers through {@code entrySet()} made an entry object and a boxed
 * key for each of them every time (read by position, the simulation of {@code examples/raft-kv-hour.toml} allocated
 * 540 MB less; benchmarks/RESULTS.md, "The simulated hour, ninth pass"). A codec may write one by position, and may
 * decode into one for {@link OpMachine#restore} to read back the same way. Positions run from 0 to {@code size() - 1},
 * in the map's iteration order.
 */
public interface LongKeyedMap extends Map<Object, Object> {
  /** The key at position {@code i}. */
  long keyAt(int i);

  /** The value at position {@code i} (null for nil). */
  Object valueAt(int i);
}
