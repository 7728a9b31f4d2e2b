package madjep.report;

import java.util.Map;
import java.util.Objects;
import madjep.history.History;
import madjep.history.edn.Keyword;

/**
 * What one page shows: a history, the checker's result as EDN data, and what is known of the run.
 *
 * @param title the page's title, such as {@code raft-kv-stale-read seed 1} or a file name
 * @param history the history, client ops and {@code :nemesis} ops
 * @param result the checker's result as EDN data: the map a checker's {@code toData()} returns ({@code :valid?},
 *     and {@code :failure} for linearizability, {@code :anomalies} for Elle, ...), or a store's {@code results.edn}
 *     whose {@code :results} holds it
 * @param run the run's scenario, seed, replay command and counters; null for a history from elsewhere
 */
public record Report(String title, History history, Map<Keyword, Object> result, RunInfo run) {
  public Report {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(result, "result");
  }

  /** A report of a history from elsewhere: no run information. */
  public static Report of(String title, History history, Map<Keyword, Object> result) {
    return new Report(title, history, result, null);
  }
}
