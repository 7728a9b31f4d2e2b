package madjep.harness;

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
import madjep.linear.Model;
import madjep.linear.Models;
import madjep.linear.LinearizabilityOptions;
import madjep.linear.LinearizabilityResult;
import madjep.sim.workload.CheckSpec;
import madjep.txn.jepsen.BankChecker;
import madjep.txn.jepsen.JepsenResult;
import madjep.txn.jepsen.SetChecker;

/**
 * Which checker checks which simulated workload: {@code linear} (register, kv, mutex: checker-linear), {@code txn}
 * (list-append, rw-register: checker-txn's Elle analyses), {@code bank} and {@code set} (checker-txn's Jepsen
 * checkers). A checker that is not available answers unknown with the reason, never valid.
 */
public final class Checkers {
  /** The most characters of a result shown on the console; results.edn has it whole. */
  private static final int SUMMARY_CHARS = 240;

  private Checkers() {}

  /** The checkers of checker-linear and checker-txn. */
  public static Checker standard() {
    return Checkers::check;
  }

  /** Checks {@code h} with the checker {@code spec} names, within {@code timeout}. */
  public static CheckResult check(History h, CheckSpec spec, Duration timeout) {
    return switch (spec.checker()) {
      case "bank" -> jepsen(spec, BankChecker.check(h, new BankChecker.Options(accounts(spec),
          ((Number) spec.option("total")).longValue(), false)));
      case "set" -> jepsen(spec, SetChecker.check(h));
      case "linear" -> linear(h, spec, timeout);
      case "txn" -> txn(h, spec, timeout);
      default -> notAvailable(spec);
    };
  }

  private static CheckResult linear(History h, CheckSpec spec, Duration timeout) {
    String model = (String) spec.option("model");
    boolean independent = Boolean.TRUE.equals(spec.option("independent"));
    Model m = Models.byName(model);
    LinearizabilityOptions.NilReads nils = "no-value".equals(spec.option("nil-reads")) && Models.readsNoValue(m)
        ? LinearizabilityOptions.NilReads.NO_VALUE : LinearizabilityOptions.NilReads.UNKNOWN;
    LinearizabilityResult r = LinearizabilityChecker.check(h, m,
        LinearizabilityOptions.defaults().withIndependent(independent).withTimeout(timeout).withNilReads(nils));
    StringBuilder summary = new StringBuilder("linear (").append(model).append(independent ? " per key" : "")
        .append(nils == LinearizabilityOptions.NilReads.NO_VALUE ? ", a read of nil is no value" : "").append("): ")
        .append(CheckResult.word(r.verdict()))
        .append(r.cause() == null ? "" : " (" + r.cause().keyword().name() + ")")
        .append(String.format(java.util.Locale.ROOT, ", %,d ops in %,d %s", r.ops(), r.partitions(),
            r.partitions() == 1 ? "partition" : "partitions"));
    if (r.failure() != null) {
      summary.append("; ").append(r.failure().explanation());
    }
    Map<Keyword, Object> data = new LinkedHashMap<>(r.toData());
    // Which reading of a completed read of nil the verdict rests on.
    data.put(Keyword.of("nil-reads"),
        Keyword.of(nils == LinearizabilityOptions.NilReads.NO_VALUE ? "no-value" : "unknown"));
    return new CheckResult(r.verdict(), summary.toString(), data,
        r.failure() == null ? -1 : r.failure().op().position());
  }

  private static CheckResult txn(History h, CheckSpec spec, Duration timeout) {
    madjep.txn.Workload w = madjep.txn.Workload.byName((String) spec.option("workload"));
    List<String> models = new ArrayList<>();
    Object m = spec.option("consistency-models");
    if (m instanceof List<?> list) {
      for (Object x : list) {
        models.add(String.valueOf(x));
      }
    }
    madjep.txn.TxnOptions o = madjep.txn.TxnOptions.of(w).withDeadline(madjep.txn.Deadline.after(timeout));
    if (!models.isEmpty()) {
      o = o.withModels(models);
    }
    madjep.txn.TxnResult r = madjep.txn.TxnChecker.check(h, o);
    String summary = "txn " + w.cliName() + " (" + String.join(", ", models) + "): " + CheckResult.word(r.valid())
        + (r.anomalyTypes().isEmpty() ? "" : ", anomalies " + String.join(" ", r.anomalyTypes()));
    return new CheckResult(r.valid(), summary, r.toData());
  }

  private static List<Object> accounts(CheckSpec spec) {
    long n = ((Number) spec.option("accounts")).longValue();
    List<Object> ids = new ArrayList<>();
    for (long a = 0; a < n; a++) {
      ids.add(a);
    }
    return ids;
  }

  private static CheckResult jepsen(CheckSpec spec, JepsenResult r) {
    Map<Keyword, Object> data = r.toData();
    String summary = spec.checker() + ": " + CheckResult.word(r.valid());
    if (r.valid() != Verdict.VALID) {
      String text = Edn.print(data);
      summary += " " + (text.length() > SUMMARY_CHARS ? text.substring(0, SUMMARY_CHARS) + "..." : text);
    }
    return new CheckResult(r.valid(), summary, data);
  }

  /** The honest answer while a checker module has not landed: unknown, with the reason. */
  private static CheckResult notAvailable(CheckSpec spec) {
    Map<Keyword, Object> data = new LinkedHashMap<>();
    data.put(Keyword.of("valid?"), Keyword.of("unknown"));
    String cause = "no " + spec.checker() + " checker is available in this build";
    data.put(Keyword.of("cause"), cause);
    return new CheckResult(Verdict.UNKNOWN, spec.checker() + ": unknown (" + cause + ")", data);
  }
}
