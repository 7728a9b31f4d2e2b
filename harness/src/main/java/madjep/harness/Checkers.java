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
        + (r.anomalyTypes().isEmpty() ? "" : ", anomalies " + String.join(" ", r.anomalyTypes()))
        + firstAnomaly(r);
    if (!(spec.option("also-models") instanceof List<?>) && !Boolean.TRUE.equals(spec.option("revisions"))) {
      return new CheckResult(r.valid(), summary, r.toData(), firstOp(h, r.toData()));
    }
    return alsoChecks(h, spec, o, r, summary);
  }

  /**
   * The extra checks a workload may ask of a txn history: {@code also-models} are checked and reported beside the
   * verdict without deciding it (the etcd append workload reports serializability beside strict serializability);
   * {@code revisions} runs the revision check, whose strict verdict joins the run's (the worse of the two wins).
   */
  private static CheckResult alsoChecks(History h, CheckSpec spec, madjep.txn.TxnOptions o, madjep.txn.TxnResult r,
      String summary) {
    Map<Keyword, Object> data = new LinkedHashMap<>(r.toData());
    StringBuilder sb = new StringBuilder(summary);
    Verdict verdict = r.valid();
    if (spec.option("also-models") instanceof List<?> also) {
      Map<Object, Object> reported = new LinkedHashMap<>();
      for (Object m : also) {
        madjep.txn.TxnResult x = madjep.txn.TxnChecker.check(h, o.withModels(String.valueOf(m)));
        reported.put(Keyword.of(String.valueOf(m)), x.toData());
        sb.append("; ").append(m).append(": ").append(CheckResult.word(x.valid()))
            .append(x.anomalyTypes().isEmpty() ? "" : ", anomalies " + String.join(" ", x.anomalyTypes()));
      }
      data.put(Keyword.of("also"), reported);
    }
    if (Boolean.TRUE.equals(spec.option("revisions"))) {
      madjep.txn.revision.RevisionResult rev = madjep.txn.revision.RevisionChecker.check(h);
      data.put(Keyword.of("revisions"), rev.toData());
      sb.append("; revisions: ").append(CheckResult.word(rev.valid()))
          .append(" (serializable: ").append(CheckResult.word(rev.serializable())).append(")");
      if (!rev.anomalies().isEmpty()) {
        sb.append(", ").append(String.join(" ", rev.anomalyTypes())).append(": ")
            .append(rev.anomalies().get(0).explanation());
      }
      verdict = worse(verdict, rev.valid());
    }
    data.put(Keyword.of("valid?"), verdict.toData());
    // A revision anomaly names the root cause (two nodes numbering one write differently); Elle's cycles follow from it.
    Object revisions = data.get(Keyword.of("revisions"));
    int pinned = revisions != null && firstOp(h, revisions) >= 0 ? firstOp(h, revisions) : firstOp(h, data);
    return new CheckResult(verdict, sb.toString(), data, pinned);
  }

  /** The first anomaly's evidence, cut to a console line: which element, key and op, for a reader to start from. */
  private static String firstAnomaly(madjep.txn.TxnResult r) {
    if (r.valid() != Verdict.INVALID || r.anomalyTypes().isEmpty()) {
      return "";
    }
    String type = r.anomalyTypes().get(0);
    List<madjep.txn.Anomaly> as = r.anomalies().get(type);
    if (as == null || as.isEmpty()) {
      return "";
    }
    Object data = as.get(0).toData();
    if (data instanceof Map<?, ?> m && m.get(Keyword.of("cycle")) instanceof List<?> cycle) {
      // A cycle's transactions by index: the full ops are in results.edn, and their values fill a console line.
      List<Object> indices = new ArrayList<>();
      for (Object op : cycle) {
        indices.add(op instanceof Map<?, ?> o ? o.get(Keyword.of("index")) : op);
      }
      return "; " + type + ": a cycle through ops " + Edn.print(indices);
    }
    if (data instanceof Map<?, ?> m && m.get(Keyword.of("op")) instanceof Map<?, ?> op) {
      // The findings first (which elements, which versions), then the micro-op, then only the op's index.
      Map<Object, Object> brief = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!k.equals(Keyword.of("op")) && !k.equals(Keyword.of("mop"))) {
          brief.put(k, v);
        }
      });
      if (m.containsKey(Keyword.of("mop"))) {
        brief.put(Keyword.of("mop"), m.get(Keyword.of("mop")));
      }
      brief.put(Keyword.of("op"), op.get(Keyword.of("index")));
      data = brief;
    }
    String text = Edn.print(data);
    return "; " + type + ": " + (text.length() > SUMMARY_CHARS ? text.substring(0, SUMMARY_CHARS) + "..." : text);
  }

  /**
   * The history position of the first op a txn result names (an anomaly's {@code :op}, a revision anomaly's {@code
   * :ops}), depth first in the data's order, or -1: the op the run's explanation is pinned on.
   */
  static int firstOp(History h, Object data) {
    long index = firstIndex(data);
    for (int i = 0; index >= 0 && i < h.size(); i++) {
      if (h.index(i) == index) {
        return h.isInvoke(i) && h.pair(i) >= 0 ? h.pair(i) : i;
      }
    }
    return -1;
  }

  private static long firstIndex(Object data) {
    if (data instanceof Map<?, ?> m) {
      if (m.get(Keyword.of("index")) instanceof Long i && m.containsKey(Keyword.of("process"))) {
        return i;
      }
      if (m.get(Keyword.of("ops")) instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) instanceof Long i) {
        return i;
      }
      for (Object v : m.values()) {
        long i = firstIndex(v);
        if (i >= 0) {
          return i;
        }
      }
    } else if (data instanceof List<?> l) {
      for (Object v : l) {
        long i = firstIndex(v);
        if (i >= 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Invalid over unknown over valid. */
  private static Verdict worse(Verdict a, Verdict b) {
    if (a == Verdict.INVALID || b == Verdict.INVALID) {
      return Verdict.INVALID;
    }
    return a == Verdict.UNKNOWN || b == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
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
