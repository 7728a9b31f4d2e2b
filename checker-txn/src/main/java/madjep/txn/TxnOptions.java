package madjep.txn;

import java.util.List;
import java.util.Map;
import madjep.txn.model.ConsistencyModels;

/**
 * What to check and within what limits.
 *
 * @param workload list-append or rw-register
 * @param consistencyModels models the history should satisfy (Elle's names, e.g. {@code serializable}); default
 *     {@code strict-serializable}
 * @param anomalies extra anomaly types to treat as violations (and everything that implies them)
 * @param deadline when to stop searching for cycles; a search cut short makes the result unknown
 * @param threads worker threads for the per-component cycle search (at least 1)
 * @param sequentialKeys rw-register: assume each key is sequentially consistent (process order orders versions)
 * @param linearizableKeys rw-register: assume each key is linearizable (real-time order orders versions)
 * @param wfrKeys rw-register: assume writes follow reads within a transaction
 * @param transactionOrder rw-register: the order in which transactions committed, if known (white-box): completion
 *     {@code :index} to position; consecutive committed transactions touching a key order its versions (Elle's
 *     {@code :transaction-order}). Empty when unknown.
 */
public record TxnOptions(
    Workload workload,
    List<String> consistencyModels,
    List<String> anomalies,
    Deadline deadline,
    int threads,
    boolean sequentialKeys,
    boolean linearizableKeys,
    boolean wfrKeys,
    Map<Long, Long> transactionOrder) {

  public TxnOptions {
    if (workload == null) {
      throw new IllegalArgumentException("a workload is required");
    }
    consistencyModels = List.copyOf(consistencyModels == null ? List.of() : consistencyModels);
    anomalies = List.copyOf(anomalies == null ? List.of() : anomalies);
    for (String m : consistencyModels) {
      if (!ConsistencyModels.isModel(m)) {
        throw new IllegalArgumentException("unknown consistency model '" + m + "'; known models are "
            + String.join(", ", ConsistencyModels.allModels()));
      }
    }
    deadline = deadline == null ? Deadline.none() : deadline;
    transactionOrder = Map.copyOf(transactionOrder == null ? Map.of() : transactionOrder);
    threads = Math.max(1, threads);
  }

  /** Strict serializability, no deadline, one thread per core. */
  public static TxnOptions of(Workload workload) {
    return new TxnOptions(workload, List.of("strict-serializable"), List.of(), Deadline.none(),
        Runtime.getRuntime().availableProcessors(), false, false, false, Map.of());
  }

  public TxnOptions withModels(String... models) {
    return new TxnOptions(workload, List.of(models), anomalies, deadline, threads, sequentialKeys, linearizableKeys,
        wfrKeys, transactionOrder);
  }

  public TxnOptions withModels(List<String> models) {
    return new TxnOptions(workload, models, anomalies, deadline, threads, sequentialKeys, linearizableKeys, wfrKeys,
        transactionOrder);
  }

  public TxnOptions withAnomalies(String... extra) {
    return new TxnOptions(workload, consistencyModels, List.of(extra), deadline, threads, sequentialKeys,
        linearizableKeys, wfrKeys, transactionOrder);
  }

  public TxnOptions withDeadline(Deadline d) {
    return new TxnOptions(workload, consistencyModels, anomalies, d, threads, sequentialKeys, linearizableKeys,
        wfrKeys, transactionOrder);
  }

  public TxnOptions withThreads(int n) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, n, sequentialKeys, linearizableKeys,
        wfrKeys, transactionOrder);
  }

  public TxnOptions withSequentialKeys(boolean on) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, threads, on, linearizableKeys, wfrKeys,
        transactionOrder);
  }

  public TxnOptions withLinearizableKeys(boolean on) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, threads, sequentialKeys, on, wfrKeys,
        transactionOrder);
  }

  /** Commit order known from the system under test: completion {@code :index} to position (rw-register). */
  public TxnOptions withTransactionOrder(Map<Long, Long> order) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, threads, sequentialKeys, linearizableKeys,
        wfrKeys, order);
  }

  public TxnOptions withWfrKeys(boolean on) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, threads, sequentialKeys, linearizableKeys,
        on, transactionOrder);
  }
}
