package madjep.sim.workload;

import madjep.history.edn.Keyword;

/** An op a workload wants invoked: its {@code :f} and {@code :value}. */
public record Invocation(Keyword f, Object value) {}
