package madjep.txn.jepsen;

import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import org.junit.jupiter.api.Test;

/**
 * set against a simulated set store whose faults are known: the store may drop an acknowledged element or invent
 * one, and the checker must report exactly those as lost and unexpected, and the indeterminate adds that did take
 * effect as recovered.
 */
class SetDifferentialTest {
  static final int HISTORIES = 3000;

  @Test
  void set_simulatedStoreWithInjectedFaults_reportsExactlyTheFaults() {
    SplittableRandom seeds = new SplittableRandom(0xC0FFEEL);
    int invalid = 0;
    for (int n = 0; n < HISTORIES; n++) {
      long seed = seeds.nextLong();
      SplittableRandom rnd = new SplittableRandom(seed);
      List<Op> ops = new ArrayList<>();
      TreeSet<Long> store = new TreeSet<>();
      TreeSet<Long> acked = new TreeSet<>();
      TreeSet<Long> recovered = new TreeSet<>();
      int adds = 1 + rnd.nextInt(12);
      for (long e = 0; e < adds; e++) {
        int p = rnd.nextInt(3);
        ops.add(Op.invoke(p, "add", EdnParser.box(e)));
        switch (rnd.nextInt(5)) {
          case 0 -> ops.add(Op.fail(p, "add", EdnParser.box(e)));
          case 1 -> {
            boolean happened = rnd.nextBoolean();
            if (happened) {
              store.add(e);
              recovered.add(e);
            }
            ops.add(Op.info(p, "add", EdnParser.box(e)));
          }
          default -> {
            store.add(e);
            acked.add(e);
            ops.add(Op.ok(p, "add", EdnParser.box(e)));
          }
        }
      }
      TreeSet<Long> lost = new TreeSet<>();
      TreeSet<Long> unexpected = new TreeSet<>();
      if (!acked.isEmpty() && rnd.nextInt(4) == 0) {
        Long victim = acked.ceiling((long) rnd.nextInt(adds));
        victim = victim == null ? acked.first() : victim;
        store.remove(victim);
        lost.add(victim);
      }
      if (rnd.nextInt(4) == 0) {
        long ghost = 1000 + rnd.nextInt(5);
        store.add(ghost);
        unexpected.add(ghost);
      }
      ops.add(Op.invoke(9, "read", null));
      ops.add(Op.ok(9, "read", EdnVector.copyOf(new ArrayList<Object>(store))));
      History h = History.of("<random>", ops);
      SetResult r = SetChecker.check(h);
      String ctx = "seed " + seed + ": " + h.ops();
      assertEquals(new ArrayList<Object>(lost), r.lost(), ctx);
      assertEquals(new ArrayList<Object>(unexpected), r.unexpected(), ctx);
      assertEquals(new ArrayList<Object>(recovered), r.recovered(), ctx);
      Verdict want = lost.isEmpty() && unexpected.isEmpty() ? Verdict.VALID : Verdict.INVALID;
      assertEquals(want, r.valid(), ctx);
      invalid += want == Verdict.INVALID ? 1 : 0;
    }
    assertTrue(invalid > HISTORIES / 10 && invalid < HISTORIES * 3 / 4, "invalid histories: " + invalid);
  }
}
