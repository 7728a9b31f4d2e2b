package madjep.harness;

import java.time.Duration;
import madjep.history.History;
import madjep.sim.workload.CheckSpec;

/**
 * The checking step of a run: a simulated history and the checker its workload names ({@link CheckSpec}) in, a
 * {@link CheckResult} out. {@link Checkers#standard()} dispatches to the checker modules; tests may pass their own.
 */
@FunctionalInterface
public interface Checker {
  CheckResult check(History history, CheckSpec spec, Duration timeout);
}
