package madjep.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Models;
import madjep.linear.Options;
import madjep.linear.Result;
import madjep.sim.workload.CheckSpec;
import madjep.txn.jepsen.BankChecker;
import madjep.txn.jepsen.JepsenResult;
import madjep.txn.jepsen.SetChecker;

/**
 * Which checker checks which simulated workload: {@code linear} (register, kv, mutex: checker-linear), {@code txn}
 * (list-append, rw-register: checker-txn's Elle analyses), {@code bank} and {@code set} (checker-txn's Jepsen
 * checkers). A checker that is not available answers unknown with the reason, never valid.
 */
final class SimCheckers {
  /** The most characters of a result shown on the console; results.edn has it whole. */
  private static final int SUMMARY_CHARS = 240;

  private SimCheckers() {}

  static SimChecker standard() {
    return SimCheckers::check;
  }

  static SimVerdict check(History h, CheckSpec spec, Duration timeout) {
    return switch (spec.checker()) {
      case "bank" -> jepsen(spec, BankChecker.check(h, new BankChecker.Options(accounts(spec),
          ((Number) spec.option("total")).longValue(), false)));
      case "set" -> jepsen(spec, SetChecker.check(h));
      case "linear" -> linear(h, spec, timeout);
      case "txn" -> txn(h, spec, timeout);
      default -> notAvailable(spec);
    };
  }

  private static SimVerdict linear(History h, CheckSpec spec, Duration timeout) {
    String model = (String) spec.option("model");
    boolean independent = Boolean.TRUE.equals(spec.option("independent"));
    Result r = LinearizabilityChecker.check(h, Models.byName(model),
        Options.defaults().withIndependent(independent).withTimeout(timeout));
    StringBuilder summary = new StringBuilder("linear (").append(model).append(independent ? " per key" : "")
        .append("): ").append(VerdictText.word(r.verdict()))
        .append(r.cause() == null ? "" : " (" + r.cause().keyword().name() + ")")
        .append(String.format(java.util.Locale.ROOT, ", %,d ops in %,d %s", r.ops(), r.partitions(),
            r.partitions() == 1 ? "partition" : "partitions"));
    if (r.failure() != null) {
      summary.append("; ").append(r.failure().explanation());
    }
    return new SimVerdict(r.verdict(), summary.toString(), r.toData());
  }

  private static SimVerdict txn(History h, CheckSpec spec, Duration timeout) {
    madjep.txn.Workload w = madjep.txn.Workload.byName((String) spec.option("workload"));
    List<String> models = new ArrayList<>();
    Object m = spec.option("consistency-models");
    if (m instanceof List<?> list) {
      for (Object x : list) {
        models.add(String.valueOf(x));
      }
    }
    madjep.txn.Options o = madjep.txn.Options.of(w).withDeadline(madjep.txn.Deadline.after(timeout));
    if (!models.isEmpty()) {
      o = o.withModels(models);
    }
    madjep.txn.Result r = madjep.txn.TxnChecker.check(h, o);
    String summary = "txn " + w.cliName() + " (" + String.join(", ", models) + "): " + VerdictText.word(r.valid())
        + (r.anomalyTypes().isEmpty() ? "" : ", anomalies " + String.join(" ", r.anomalyTypes()));
    return new SimVerdict(r.valid(), summary, r.toData());
  }

  private static List<Object> accounts(CheckSpec spec) {
    long n = ((Number) spec.option("accounts")).longValue();
    List<Object> ids = new ArrayList<>();
    for (long a = 0; a < n; a++) {
      ids.add(a);
    }
    return ids;
  }

  private static SimVerdict jepsen(CheckSpec spec, JepsenResult r) {
    Map<Keyword, Object> data = r.toData();
    String summary = spec.checker() + ": " + VerdictText.word(r.valid());
    if (r.valid() != Verdict.VALID) {
      String text = Edn.print(data);
      summary += " " + (text.length() > SUMMARY_CHARS ? text.substring(0, SUMMARY_CHARS) + "..." : text);
    }
    return new SimVerdict(r.valid(), summary, data);
  }

  /** The honest answer while a checker module has not landed: unknown, with the reason. */
  private static SimVerdict notAvailable(CheckSpec spec) {
    Map<Keyword, Object> data = new LinkedHashMap<>();
    data.put(Keyword.of("valid?"), Keyword.of("unknown"));
    String cause = "no " + spec.checker() + " checker is available in this build";
    data.put(Keyword.of("cause"), cause);
    return new SimVerdict(Verdict.UNKNOWN, spec.checker() + ": unknown (" + cause + ")", data);
  }
}
