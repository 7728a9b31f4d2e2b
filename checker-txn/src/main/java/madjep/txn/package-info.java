/**
 * Elle-style transactional anomaly detection. {@link madjep.txn.TxnChecker#check} takes a history of list-append or
 * rw-register transactions and {@link madjep.txn.TxnOptions}, infers write-write, write-read and read-write
 * dependencies (plus process or real-time order when the models need them), finds the non-cycle anomalies and, per
 * strongly connected component, the worst dependency cycles first, and returns a {@link madjep.txn.TxnResult} shaped
 * like Elle's result map: {@code valid}, {@code anomaly-types}, {@code anomalies} with their evidence, {@code not} and
 * {@code also-not}.
 *
 * <pre>{@code
 * History h = HistoryReader.read(Path.of("history.edn"));
 * TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND));
 * System.out.println(Edn.print(r.toData()));
 * }</pre>
 */
package madjep.txn;
