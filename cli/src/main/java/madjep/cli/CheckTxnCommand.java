package madjep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import madjep.history.io.AtomicFiles;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.io.JsonValues;
import madjep.history.txn.TxnEdnReader;
import madjep.history.txn.TxnHistories;
import madjep.history.txn.TxnHistory;
import madjep.txn.Anomaly;
import madjep.txn.CaseAnomaly;
import madjep.txn.CycleAnomaly;
import madjep.txn.Deadline;
import madjep.txn.ExplainedAnomaly;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code madjep check txn}: Elle's list-append and rw-register checks. */
@Command(
    name = "txn",
    mixinStandardHelpOptions = true,
    description = {
      "Check a history of transactions for the anomalies Elle finds: dependency cycles (G0, G1c, G-single, ",
      "G-nonadjacent, G2 and their -process/-realtime variants) and G1a, G1b, internal, future-read, dirty-update,",
      "duplicate-elements, incompatible-order, lost-update, cyclic-versions. Also decides read committed, read",
      "atomic and causal consistency as Cerone et al., Plume and AWDIT define them (session order included):",
      "--consistency-models session-read-committed|session-read-atomic|transactional-causal.",
      "Exit 0 valid, 1 invalid, 2 unknown."
    })
final class CheckTxnCommand implements Callable<Integer> {
  /** How many explained cycles of each type the text report shows. */
  static final int CYCLES_SHOWN = 3;

  @Parameters(paramLabel = "FILE", description = "The history file (EDN, JSON or JSON Lines).")
  Path file;

  @Option(names = "--workload", required = true, paramLabel = "list-append|rw-register",
      description = "The kind of transactions in the history.")
  String workload;

  @Option(names = "--consistency-models", split = ",", paramLabel = "M",
      description = "Models the history should satisfy (default strict-serializable), e.g. serializable,"
          + "snapshot-isolation, transactional-causal.")
  List<String> models = new ArrayList<>(List.of("strict-serializable"));

  @Option(names = "--timeout", converter = Durations.Converter.class, paramLabel = "DURATION",
      description = "Answer within this long of the start, reading included; past it the answer is unknown.")
  Duration timeout;

  @Option(names = "--threads", paramLabel = "N", description = "Cycle-search threads (default: cores).")
  Integer threads;

  @Option(names = "--sequential-keys", description = "rw-register: assume each key is sequentially consistent.")
  boolean sequentialKeys;

  @Option(names = "--linearizable-keys", description = "rw-register: assume each key is linearizable.")
  boolean linearizableKeys;

  @Option(names = "--wfr-keys", description = "rw-register: assume writes follow reads within a transaction.")
  boolean wfrKeys;

  @Option(names = "--transaction-order", paramLabel = "FILE",
      description = "rw-register: the known commit order, as EDN: a vector of completion :index values in commit "
          + "order, or a map from completion :index to position (Elle's :transaction-order).")
  Path transactionOrder;

  @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON to OUT.")
  Path json;

  @Option(names = "--edn", description = "Print the result as EDN instead of the text report.")
  boolean edn;

  @Mixin FormatOption format;

  @Mixin HtmlOption html;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Workload w = Workload.byName(workload);
    if (w == null) {
      throw new UsageError("--workload takes list-append or rw-register, not '" + workload + "'");
    }
    TxnOptions o;
    try {
      o = TxnOptions.of(w).withModels(models);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    o = o.withSequentialKeys(sequentialKeys).withLinearizableKeys(linearizableKeys).withWfrKeys(wfrKeys);
    if (transactionOrder != null) {
      o = o.withTransactionOrder(transactionOrder(transactionOrder));
    }
    if (threads != null) {
      o = o.withThreads(threads);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new UsageError("--timeout takes a positive duration, not " + timeout);
    }
    long deadline = timeout == null ? Limits.NONE : Limits.deadline(timeout);
    TxnOptions options = o;
    Limits.Outcome<TxnResult> outcome = Limits.within(deadline, () -> readAndCheck(options, deadline));
    if (outcome == null) {
      outcome = Limits.Outcome.unknown("timeout");
    }
    if (outcome.result() == null) {
      return unknown(outcome);
    }
    TxnResult r = outcome.result();
    if (json != null) {
      AtomicFiles.writeString(json, JsonValues.toJson(r.toData(), true) + "\n");
    }
    if (html.wanted()) {
      html.write(file, Histories.read(file, format.format()), r.toData());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (edn) {
      out.println(Edn.print(r.toData()));
    } else {
      report(out, r);
    }
    return ExitCode.of(r.valid());
  }

  /** Reads and checks under the deadline: the result, or unknown (timeout while reading, or memory). */
  private Limits.Outcome<TxnResult> readAndCheck(TxnOptions o, long deadline) throws IOException {
    TxnHistory h;
    try {
      h = read(deadline);
    } catch (Limits.ReadTimeout e) {
      return Limits.Outcome.unknown("timeout");
    }
    if (deadline != Limits.NONE) {
      long left = Limits.remaining(deadline);
      if (left <= 0) {
        return Limits.Outcome.unknown("timeout");
      }
      o = o.withDeadline(Deadline.after(Duration.ofNanos(left)));
    }
    TxnOptions options = o;
    return Limits.check(() -> TxnChecker.check(h, options));
  }

  /** Prints an unknown answer for a limit hit outside the checker, writes it with --json, and returns exit 2. */
  private int unknown(Limits.Outcome<TxnResult> outcome) throws IOException {
    if (json != null) {
      AtomicFiles.writeString(json, JsonValues.toJson(outcome.unknownData(), true) + "\n");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (edn) {
      out.println(Edn.print(outcome.unknownData()));
    } else {
      out.printf("%s: unknown (%s)%n", file, outcome.cause());
    }
    return ExitCode.UNKNOWN;
  }

  /** A vector of completion indices in commit order, or a map from completion index to position. */
  static Map<Long, Long> transactionOrder(Path file) throws IOException {
    Object v = madjep.history.edn.EdnParser.parse(java.nio.file.Files.readString(file), file.toString());
    Map<Long, Long> order = new java.util.HashMap<>();
    if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        if (!(l.get(i) instanceof Long idx)) {
          throw new UsageError(file + ": --transaction-order expects integer :index values, found "
              + Edn.print(l.get(i)));
        }
        order.put(idx, (long) i);
      }
    } else if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof Long idx) || !(e.getValue() instanceof Long pos)) {
          throw new UsageError(file + ": --transaction-order expects a map of integers, found " + Edn.print(e.getKey())
              + " " + Edn.print(e.getValue()));
        }
        order.put(idx, pos);
      }
    } else {
      throw new UsageError(file + ": --transaction-order expects an EDN vector or map, found " + Edn.print(v));
    }
    return order;
  }

  /** EDN files go through the streaming transaction reader; anything else through the generic history reader. */
  private TxnHistory read(long deadline) throws IOException {
    if (format.format() == null || format.format() == madjep.history.io.HistoryFormat.EDN) {
      TxnHistory t;
      try (InputStream in = Limits.open(file, deadline)) {
        t = TxnEdnReader.read(in, file.toString(), Files.size(file));
      }
      if (t != null) {
        return t;
      }
    }
    History h = Histories.read(file, format.format(), deadline).requireWellFormed();
    return TxnHistories.of(h);
  }

  private void report(PrintWriter out, TxnResult r) {
    out.printf("%s: %s%n", file, VerdictText.word(r.valid()));
    if (r.anomalyTypes().isEmpty()) {
      return;
    }
    out.println("  anomalies:");
    for (String t : r.anomalyTypes()) {
      out.printf("    %-28s %d%n", t, r.count(t));
    }
    if (!r.not().isEmpty()) {
      out.println("  not: " + String.join(" ", r.not()));
    }
    if (!r.alsoNot().isEmpty()) {
      out.println("  also not: " + String.join(" ", r.alsoNot()));
    }
    for (Map.Entry<String, List<Anomaly>> e : r.anomalies().entrySet()) {
      List<Anomaly> list = e.getValue();
      for (int i = 0; i < Math.min(CYCLES_SHOWN, list.size()); i++) {
        Anomaly a = list.get(i);
        out.println();
        out.printf("%s #%d%n", e.getKey(), i);
        if (a instanceof CycleAnomaly c) {
          out.println("Let:");
          for (int t = 0; t < c.txns().size(); t++) {
            out.printf("  T%d = %s%n", t + 1, Edn.print(c.txns().get(t)));
          }
          out.println();
          out.println("Then:");
          for (String line : c.explanation()) {
            out.println("  - " + line);
          }
        } else if (a instanceof ExplainedAnomaly x) {
          out.println("Let:");
          for (int t = 0; t < x.txns().size(); t++) {
            out.printf("  T%d = %s%n", t + 1, Edn.print(x.txns().get(t)));
          }
          out.println();
          out.println("Then:");
          for (String line : x.explanation()) {
            out.println("  - " + line);
          }
        } else if (a instanceof CaseAnomaly k) {
          out.println("  " + Edn.print(k.toData()));
        }
      }
      if (list.size() > CYCLES_SHOWN) {
        out.printf("%n... and %d more %s%n", list.size() - CYCLES_SHOWN, e.getKey());
      }
    }
  }
}
