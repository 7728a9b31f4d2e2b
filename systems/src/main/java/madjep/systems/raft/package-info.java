/**
 * The bundled {@code raft-kv} system under test: a Raft-replicated key-value store ({@link
 * madjep.systems.raft.RaftNode}) with leader election, log replication, a checksummed durable log synced before
 * acknowledgements, snapshots with log compaction and InstallSnapshot, and four bugs that seeded-bug scenarios switch
 * on ({@link madjep.systems.raft.RaftConfig}). {@link madjep.systems.raft.RaftKvProvider} registers it, and its
 * bundled scenarios, with the simulator through {@link java.util.ServiceLoader}.
 */
package madjep.systems.raft;
