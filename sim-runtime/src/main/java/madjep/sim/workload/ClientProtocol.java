package madjep.sim.workload;

import madjep.sim.NodeContext;

/**
 * The client side of a system under test, for systems whose clients do more than send each op to one node: a CURP
 * client sends a command to the leader and to every witness at once and completes on a super-quorum of accepts; an
 * etcd client turns one transaction into a read and a write guarded on what it read. A system supplies its own by
 * having its {@link madjep.sim.NodeFactory} also implement this interface (bundled systems, systems given in Java
 * and classes named in scenario files alike). Without one, {@link Clients} sends each op to the node it believes
 * leads and follows {@link ClientReply.NotLeader} hints.
 *
 * <p>The split of work: the driver keeps what Jepsen's client loop owns (which op runs when, the history, the op's
 * timeout, after which the op is recorded {@code :info}, {@link ClientSession#abandon()} is called and the thread
 * continues as a new process); the session owns what the protocol decides (which nodes hear of the op, what counts
 * as an answer, retries). A protocol object serves every run of a scenario, in parallel in a sweep: it keeps no
 * state of its own, only its sessions do.
 */
public interface ClientProtocol {
  /** A session for one client thread, opened when the thread's endpoint boots (once: clients never crash). */
  ClientSession open(NodeContext ctx);
}
