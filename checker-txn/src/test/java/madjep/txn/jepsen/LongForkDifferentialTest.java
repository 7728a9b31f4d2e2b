package madjep.txn.jepsen;

import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

/** long-fork's mask grouping against Jepsen's pairwise read comparison, on seeded random read sets. */
class LongForkDifferentialTest {
  static final int HISTORIES = 3000;
  static final Keyword R = Keyword.of("r");

  @Test
  void longFork_randomReads_matchPairwiseComparison() {
    SplittableRandom seeds = new SplittableRandom(0x10F0CL);
    int forked = 0;
    for (int n = 0; n < HISTORIES; n++) {
      long seed = seeds.nextLong();
      SplittableRandom rnd = new SplittableRandom(seed);
      int groupSize = 1 + rnd.nextInt(4);
      int groups = 1 + rnd.nextInt(2);
      List<Op> ops = new ArrayList<>();
      int reads = rnd.nextInt(8);
      for (int k = 0; k < reads; k++) {
        int g = rnd.nextInt(groups);
        List<Object> txn = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        for (int x = 0; x < groupSize; x++) {
          keys.add(g * groupSize + x);
        }
        java.util.Collections.shuffle(keys, new java.util.Random(rnd.nextLong()));
        for (int key : keys) {
          // each key is written once, with value 1; a read sees it or not
          txn.add(EdnVector.of(R, EdnParser.box(key), rnd.nextInt(3) == 0 ? null : EdnParser.box(1)));
        }
        ops.add(Op.invoke(k, "txn", null));
        ops.add(Op.ok(k, "txn", EdnVector.copyOf(txn)));
      }
      History h = History.of("<random>", ops);
      LongForkResult r = LongForkChecker.check(h, new LongForkChecker.Options(groupSize));
      List<LongForkResult.Fork> want = oracle(h);
      assertEquals(want, r.forks(), () -> "seed " + seed + ": " + h.ops());
      assertEquals(want.isEmpty() ? Verdict.VALID : Verdict.INVALID, r.valid());
      forked += want.isEmpty() ? 0 : 1;
    }
    assertTrue(forked > HISTORIES / 10 && forked < HISTORIES * 9 / 10, "forked: " + forked);
  }

  /** Every pair of ok reads of the same key set where each saw a key the other did not. */
  static List<LongForkResult.Fork> oracle(History h) {
    List<LongForkResult.Fork> out = new ArrayList<>();
    for (int a = 0; a < h.size(); a++) {
      for (int b = a + 1; b < h.size(); b++) {
        if (!h.isOk(a) || !h.isOk(b)) {
          continue;
        }
        Map<Object, Object> ma = asMap(h.value(a));
        Map<Object, Object> mb = asMap(h.value(b));
        if (!ma.keySet().equals(mb.keySet())) {
          continue;
        }
        boolean aBigger = false;
        boolean bBigger = false;
        for (Object k : ma.keySet()) {
          aBigger |= ma.get(k) != null && mb.get(k) == null;
          bBigger |= mb.get(k) != null && ma.get(k) == null;
        }
        if (aBigger && bBigger) {
          out.add(new LongForkResult.Fork(a, b));
        }
      }
    }
    return out;
  }

  private static Map<Object, Object> asMap(Object txn) {
    Map<Object, Object> m = new HashMap<>();
    for (Object mop : (List<?>) txn) {
      m.put(((List<?>) mop).get(1), ((List<?>) mop).get(2));
    }
    return m;
  }
}
