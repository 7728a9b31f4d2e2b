package madjep.linear;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

/**
 * Changes one read in every linearizable corpus history (to another value the history writes, so the answer is not
 * obvious) and checks the result against {@link BruteForceOracle}. Histories too large for the oracle's budget are
 * counted and reported, not confirmed.
 */
class MutationTest {
  private static final Keyword READ = Keyword.of("read");
  private static final Keyword GET = Keyword.of("get");
  private static final Keyword TXN = Keyword.of("txn");
  private static final long ORACLE_BUDGET = 2_000_000;

  @Test
  void linearizableCorpusHistories_oneReadChanged_checkerAgreesWithOracle() {
    int histories = 0;
    int confirmedValid = 0;
    int confirmedInvalid = 0;
    int unconfirmedValid = 0;
    int unconfirmedInvalid = 0;
    int unknown = 0;
    List<String> unconfirmed = new ArrayList<>();
    for (CorpusCase c : CorpusCase.all()) {
      if (c.expectedVerdict() != Verdict.VALID) {
        continue;
      }
      History h = mutate(c.history(), new SplittableRandom(c.path().hashCode()));
      if (h == null) {
        continue; // no read with a value to change
      }
      histories++;
      LinearizabilityResult r =
          LinearizabilityChecker.check(h, c.model(), c.options().withTimeout(Duration.ofSeconds(20)));
      if (r.verdict() == Verdict.UNKNOWN) {
        unknown++;
        unconfirmed.add(c.path() + " (checker: unknown)");
        continue;
      }
      boolean keyed = c.model().name().equals("kv");
      Boolean oracle = keyed ? oracleByKey(h, c.model()) : BruteForceOracle.linearizableWithin(h, c.model(),
          c.options().independent(), false, ORACLE_BUDGET);
      if (oracle == null) {
        if (r.verdict() == Verdict.VALID) {
          unconfirmedValid++;
        } else {
          unconfirmedInvalid++;
        }
        unconfirmed.add(c.path() + " (checker: " + r.verdict() + ")");
        continue;
      }
      assertEquals(oracle ? Verdict.VALID : Verdict.INVALID, r.verdict(), c.path() + " with one read changed");
      if (oracle) {
        confirmedValid++;
      } else {
        confirmedInvalid++;
      }
    }
    String report = histories + " mutated histories: " + confirmedValid + " valid and " + confirmedInvalid
        + " invalid confirmed by the oracle; too large for the oracle: " + unconfirmedValid + " valid, "
        + unconfirmedInvalid + " invalid; unknown (timeout): " + unknown + "\n  unconfirmed: " + unconfirmed;
    System.out.println(report);
    assertTrue(histories >= 100, report);
    assertTrue(confirmedValid + confirmedInvalid >= histories / 2, report);
    assertTrue(confirmedInvalid > 0 && confirmedValid > 0, report);
  }

  /**
   * The oracle key by key (linearizability is local: a history of independent objects is linearizable when each
   * object's is); the unsplit oracle would try every interleaving of the keys. Null when a key is too large.
   */
  static Boolean oracleByKey(History h, Model model) {
    java.util.Map<Object, List<Op>> byKey = new java.util.LinkedHashMap<>();
    for (int i = 0; i < h.size(); i++) {
      byKey.computeIfAbsent(h.extra(i, RandomHistories.KEY), k -> new ArrayList<>()).add(h.op(i));
    }
    boolean all = true;
    for (List<Op> ops : byKey.values()) {
      Boolean one = BruteForceOracle.linearizableWithin(History.of(h.source(), ops), model, false, true,
          ORACLE_BUDGET);
      if (one == null) {
        return null;
      }
      all &= one;
    }
    return all;
  }

  /** The history with one :ok read (get, txn read) changed to another value; null when there is none. */
  static History mutate(History h, SplittableRandom r) {
    List<Integer> reads = new ArrayList<>();
    Set<Object> written = new LinkedHashSet<>();
    for (int i = 0; i < h.size(); i++) {
      Object v = h.value(i);
      if (h.isOk(i) && h.f(i) == READ && v != null) {
        reads.add(i);
        written.add(v);
      } else if (h.isOk(i) && h.f(i) == GET && v != null) {
        reads.add(i);
        written.add(v);
      } else if (h.isOk(i) && h.f(i) == TXN && v instanceof List<?> mops) {
        for (Object m : mops) {
          List<?> mop = (List<?>) m;
          written.add(mop.get(2));
          if (mop.get(0) == READ && mop.get(2) != null && !reads.contains(i)) {
            reads.add(i);
          }
        }
      } else if (h.isInvoke(i) && v instanceof Long) {
        written.add(v);
      }
    }
    written.remove(null);
    if (reads.isEmpty()) {
      return null;
    }
    int at = reads.get(r.nextInt(reads.size()));
    List<Object> others = new ArrayList<>(written);
    Op op = h.op(at);
    Object changed;
    if (op.f() == TXN) {
      List<Object> mops = new ArrayList<>((List<?>) op.value());
      for (int k = 0; k < mops.size(); k++) {
        List<?> mop = (List<?>) mops.get(k);
        if (mop.get(0) == READ && mop.get(2) != null) {
          others.remove(mop.get(2));
          Object nv = others.isEmpty() ? 999L : others.get(r.nextInt(others.size()));
          mops.set(k, EdnVector.of(mop.get(0), mop.get(1), nv));
          break;
        }
      }
      changed = EdnVector.copyOf(mops);
    } else {
      others.remove(op.value());
      changed = others.isEmpty() ? (op.value() instanceof String s ? s + "z" : (Object) 999L)
          : others.get(r.nextInt(others.size()));
    }
    List<Op> ops = new ArrayList<>(h.ops());
    ops.set(at, new Op(op.index(), op.time(), op.type(), op.process(), op.f(), changed, op.error(), op.extras()));
    return History.of(h.source() + " (op " + at + " changed)", ops);
  }
}
