package madjep.sim.workload;

import madjep.history.edn.Keyword;

/**
 * A client's request to the system under test: Jepsen's {@code :f} and {@code :value}, plus the client's process
 * (mutex ownership needs it).
 */
public record ClientOp(Keyword f, Object value, long process) {}
