/**
 * The rw-register workload: wr dependencies from unique written values, version orders only from sound sources (the
 * initial nil state, writes-follow-reads, per-key sequential or linearizable order when assumed), ww and rw
 * dependencies from those orders, cyclic-versions, and the non-cycle anomalies Elle finds in such histories.
 */
package madjep.txn.register;
