/** Elle-style transactional anomaly detection plus Jepsen's standard checkers. */
package madjep.txn;
