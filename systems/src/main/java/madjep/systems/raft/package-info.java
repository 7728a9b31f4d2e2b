/**
 * The bundled {@code raft-kv} system under test: a Raft-replicated key-value store ({@link
 * madjep.systems.raft.RaftNode}) with leader election, log replication, a checksummed durable log synced before
 * acknowledgements, snapshots with log compaction and InstallSnapshot, and the seeded bugs that seeded-bug scenarios
 * switch on ({@link madjep.systems.raft.RaftConfig#BUGS}). {@link madjep.systems.raft.RaftKvProvider} registers it,
 * and its bundled scenarios, with the simulator through {@link java.util.ServiceLoader}.
 *
 * <p>Election timeouts are drawn from [150 ms, 300 ms], and a node whose elections keep failing doubles that range
 * once per failed election, up to 8x ({@link madjep.systems.raft.RaftConfig#MAX_BACKOFF}); a current leader's message
 * or a win resets it. Across regions 81-239 ms apart the plain range is about one round trip, so candidates time out
 * before their votes return and voters before the winner's first heartbeat: without the backoff, three voters in three
 * regions split their votes for seconds ({@code raft-kv-every-fault} seed 277). The backoff needs no estimate of the
 * round trip and no wall clock (timeouts count on the node's monotonic clock, in simulated time). The
 * {@code fixed-election-timeout} bug has no backoff: its one fixed timeout is the bug.
 *
 * <p>A leader commits in groups: it syncs its log and sends AppendEntries at most once per 5 ms ({@link
 * madjep.systems.raft.RaftConfig#flushEvery}), at once when its last flush is older than that, so the client ops that
 * arrive meanwhile share one fsync and one message per follower; it counts itself toward a commit only up to what it
 * has synced. Replication keeps one AppendEntries with entries in flight per follower (etcd's flow control with one
 * message in flight): what arrives meanwhile goes out at the first flush after its reply, and a follower syncs once
 * per batch. A lost message is made good at the next heartbeat: it is sent whatever is in flight, and a follower that
 * finds a gap answers with where its log ends.
 */
package madjep.systems.raft;
