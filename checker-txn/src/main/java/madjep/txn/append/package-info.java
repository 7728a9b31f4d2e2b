/**
 * The list-append workload: version orders recovered from reads (every read is a prefix of the longest), ww, wr and
 * rw dependencies from them, and the non-cycle anomalies Elle finds in such histories.
 */
package madjep.txn.append;
