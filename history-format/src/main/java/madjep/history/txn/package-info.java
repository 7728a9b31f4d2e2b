/**
 * Transactional histories as flat primitive columns, for the transactional checkers: {@link
 * madjep.history.txn.TxnHistory} holds one row per completed client transaction and one per micro-op, with keys and
 * non-integer values interned. {@link madjep.history.txn.TxnHistories#of(madjep.history.History)} builds one from any
 * history; {@link madjep.history.txn.TxnEdnReader} parses Jepsen {@code history.edn} straight into one without boxing
 * a value, for histories of millions of transactions (for 1M list-append transactions, 272 MB: 1.65 s and 239 MB live
 * heap, against 4.35 s and 823 MB through the generic reader; figures in benchmarks/RESULTS.md).
 */
package madjep.history.txn;
