/**
 * The bundled system under test: a Raft-replicated key-value store ({@link madjep.sim.raft.RaftNode}) with leader
 * election, log replication, a checksummed durable log synced before acknowledgements, snapshots with log
 * compaction and InstallSnapshot, and three bugs that seeded-bug scenarios switch on ({@link
 * madjep.sim.raft.RaftConfig}).
 */
package madjep.sim.raft;
