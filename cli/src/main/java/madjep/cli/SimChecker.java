package madjep.cli;

import java.time.Duration;
import madjep.history.History;
import madjep.sim.workload.CheckSpec;

/**
 * The checking step of the sim commands: a simulated history and the checker its workload names ({@link
 * CheckSpec}) in, a {@link SimVerdict} out. {@link SimCheckers#standard()} dispatches to the checker modules; tests
 * may pass their own.
 */
@FunctionalInterface
interface SimChecker {
  SimVerdict check(History history, CheckSpec spec, Duration timeout);
}
