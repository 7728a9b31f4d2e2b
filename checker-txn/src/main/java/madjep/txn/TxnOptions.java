package madjep.txn;

import java.util.List;
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
 */
public record TxnOptions(
    Workload workload,
    List<String> consistencyModels,
    List<String> anomalies,
    Deadline deadline,
    int threads,
    boolean sequentialKeys,
    boolean linearizableKeys,
    boolean wfrKeys) {

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
    threads = Math.max(1, threads);
  }

  /** Strict serializability, no deadline, one thread per core. */
  public static TxnOptions of(Workload workload) {
    return new TxnOptions(workload, List.of("strict-serializable"), List.of(), Deadline.none(),
        Runtime.getRuntime().availableProcessors(), false, false, false);
  }

  public TxnOptions withModels(String... models) {
    return new TxnOptions(workload, List.of(models), anomalies, deadline, threads, sequentialKeys, linearizableKeys,
        wfrKeys);
  }

  public TxnOptions withModels(List<String> models) {
    return new TxnOptions(workload, models, anomalies, deadline, threads, sequentialKeys, linearizableKeys, wfrKeys);
  }

  public TxnOptions withAnomalies(String... extra) {
    return new TxnOptions(workload, consistencyModels, List.of(extra), deadline, threads, sequentialKeys,
        linearizableKeys, wfrKeys);
  }

  public TxnOptions withDeadline(Deadline d) {
    return new TxnOptions(workload, consistencyModels, anomalies, d, threads, sequentialKeys, linearizableKeys,
        wfrKeys);
  }

  public TxnOptions withThreads(int n) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, n, sequentialKeys, linearizableKeys,
        wfrKeys);
  }

  public TxnOptions withSequentialKeys(boolean on) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, threads, on, linearizableKeys, wfrKeys);
  }

  public TxnOptions withLinearizableKeys(boolean on) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, threads, sequentialKeys, on, wfrKeys);
  }

  public TxnOptions withWfrKeys(boolean on) {
    return new TxnOptions(workload, consistencyModels, anomalies, deadline, threads, sequentialKeys, linearizableKeys,
        on);
  }
}
