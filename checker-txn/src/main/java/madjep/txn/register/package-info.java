/**
 * The rw-register workload: wr dependencies from unique written values (writes of :info transactions count once a
 * read observed them), version orders only from sound sources (the initial nil state, a known commit order,
 * writes-follow-reads, per-key sequential or linearizable order when assumed), ww and rw dependencies from those
 * orders, cyclic-versions, the non-cycle anomalies Elle finds and those it misses (garbage and future reads,
 * non-repeatable reads from nil), and {@link madjep.txn.register.VersionInference}, which orders the versions of small
 * keys by refuting every other order and reports a key no order of which avoids a cycle.
 */
package madjep.txn.register;
