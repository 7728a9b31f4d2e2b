/**
 * Shrinking a failing run to the smallest story a person can read. {@link madjep.harness.shrink.Shrinker} starts from
 * a failing seed, makes its random fault schedule explicit (steps that replay the same faults at the same simulated
 * times without a random draw), checks that the explicit replay still fails, and then searches for a smaller run that
 * fails <em>the same way</em> ({@link madjep.harness.shrink.FailureKind}): fewer fault steps (delta debugging), a
 * shorter main phase, fewer clients, keys and ops, fewer nodes. The simulator is deterministic, so every candidate is
 * judged exactly; candidates run in parallel in a fixed order, so the result never depends on the thread count. The
 * result ({@link madjep.harness.shrink.Shrunk}) is tested to be 1-minimal in fault steps and clients: removing any
 * single remaining step or client makes the run pass.
 */
package madjep.harness.shrink;
