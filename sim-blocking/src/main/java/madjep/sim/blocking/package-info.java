/**
 * Nodes written as ordinary blocking Java, run deterministically: a {@link madjep.sim.blocking.BlockingNode}'s code
 * runs in tasks on virtual threads that block (call a peer and wait, sleep, lock, wait on a future or queue), and
 * the simulator runs them one at a time, in an order drawn from the seed, at instants of virtual time.
 *
 * <p>Contract: same seed, same bytes. A node's tasks run only inside the events that reach it (its boot, a message,
 * a reply, a timer), until all of them are parked; which runnable task goes next is drawn from a scheduling stream
 * split from the node's own at each boot ({@link madjep.sim.blocking.Interleaving}). A crash ends every task of the
 * incarnation at once (none runs again; a restart runs {@code start} on a fresh node object with only the disk's
 * durable contents); a pause defers the node's events, so none of its tasks runs. A task that blocks any other way
 * (a real sleep, a socket, a monitor another task holds, a {@code java.util.concurrent} wait) stops the run with
 * {@link madjep.sim.blocking.BlockedOutsideSimulationException}, naming the node, the task and the line; a task
 * that throws stops it with {@link madjep.sim.blocking.TaskFailedException}.
 *
 * <p>Mechanism: on a JVM started with {@code --add-opens java.base/java.lang=ALL-UNNAMED}, the tasks' virtual
 * threads take the simulator as their scheduler (a JDK-internal builder) and their continuations run on the
 * simulation's own thread; otherwise plain virtual threads hand control back and forth with it, 10 to 40 times
 * slower, with the same results. Needs JDK 21 or later.
 */
package madjep.sim.blocking;
