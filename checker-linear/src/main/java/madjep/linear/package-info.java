/**
 * A P-compositional linearizability checker: the Wing-Gong/Lowe search with memoization, as in Porcupine and
 * Knossos's WGL, with Knossos's rule for crashed ops.
 *
 * <pre>{@code
 * LinearizabilityResult r = LinearizabilityChecker.check(history, Models.byName("cas-register", 0L),
 *     LinearizabilityOptions.defaults());
 * switch (r.verdict()) {
 *   case VALID -> ...;
 *   case INVALID -> System.out.println(r.failure().explanation());
 *   case UNKNOWN -> System.out.println("gave up: " + r.cause());
 * }
 * }</pre>
 *
 * <p>The public surface: {@link madjep.linear.LinearizabilityChecker} (the pure function), {@link
 * madjep.linear.Model} (a sequential specification; see checker-linear/README-model-example.md), {@link
 * madjep.linear.Models} (the built-in models by name), {@link madjep.linear.LinearizabilityOptions}, and the result
 * values {@link madjep.linear.LinearizabilityResult}, {@link madjep.history.Verdict} and {@link
 * madjep.linear.Failure}, which render as EDN data with {@code toData()}.
 *
 * <p>Contract: {@code :fail} ops did not happen; {@code :info} ops and invocations that never completed may take
 * effect at any point after their invocation, or never; a read of {@code nil} is an unknown read; file order is
 * the real-time order (or {@code :time} with closed intervals, {@link madjep.linear.LinearizabilityOptions.RealTime#TIME}); named
 * processes (the nemesis) are ignored. A search that runs out of time or memory answers unknown, never valid, and
 * the time limit holds inside a user's slow model step too. Malformed input throws {@link madjep.history.DataError}
 * located at the op.
 *
 * <p>Inside: {@code Partitioner} applies those rules and splits the history; each partition's model is compiled
 * to a {@code Stepper} over long states; {@code Search} runs the entry-list search with a {@code VisitedSet} cache
 * keyed by a Zobrist hash of the linearized set and the state; {@code Explainer} turns a failed search into a
 * {@link madjep.linear.Failure}. The {@code etcd} model ({@code EtcdModel}) parses each op once ({@code EtcdOp})
 * and steps interned {@code EtcdStore} values through the {@code GenericStepper}.
 */
package madjep.linear;

import madjep.history.Verdict;
