/**
 * Seeded generators of large transactional histories for benchmarks and tests: {@link
 * madjep.txn.gen.TxnHistoryGenerator} simulates clients running list-append or rw-register transactions against a
 * serializable store or a snapshot-isolation store (first committer wins; write skew allowed), and writes the history
 * as Jepsen EDN, one op per line.
 */
package madjep.txn.gen;
