package madjep.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Elle's workloads retire a key after so many writes, as Jepsen's append workload does; the seed's draws stay. */
class TxnWorkloadTest {
  @ParameterizedTest(name = "append {0}, {1} keys, {2} writes per key")
  @CsvSource({"true, 10, 32", "false, 10, 32", "true, 3, 1", "true, 20, 100", "false, 1, 5"})
  void noKeyTakesMoreWritesThanItsBound_valuesStayUniquePerKey_andOnlyTheKeysDiffer(
      boolean append, int keyCount, int writesPerKey) {
    for (long seed = 0; seed < 20; seed++) {
      TxnWorkload unbounded = new TxnWorkload(append, Keys.uniform(keyCount), 4);
      TxnWorkload bounded = new TxnWorkload(append, Keys.uniform(keyCount), 4, writesPerKey);
      SplittableRandom a = new SplittableRandom(seed);
      SplittableRandom b = new SplittableRandom(seed);
      Map<Object, Long> lastValue = new HashMap<>();
      int keysSeen = 0;
      for (int t = 0; t < 3000; t++) {
        List<?> u = (List<?>) unbounded.next(a, 0).value();
        List<?> mops = (List<?>) bounded.next(b, 0).value();
        assertEquals(u.size(), mops.size(), "seed " + seed + ", txn " + t);
        for (int i = 0; i < mops.size(); i++) {
          List<?> m = (List<?>) mops.get(i);
          assertEquals(((List<?>) u.get(i)).get(0), m.get(0), "the same kind of micro-op");
          if (m.get(2) == null) {
            continue; // a read
          }
          Long before = lastValue.put(m.get(1), (Long) m.get(2));
          if (before == null) {
            keysSeen++;
          }
          assertEquals(before == null ? 1L : before + 1, m.get(2), "values of a key count up from 1");
          assertTrue((Long) m.get(2) <= writesPerKey, "key " + m.get(1) + " written more than " + writesPerKey);
        }
      }
      assertTrue(keysSeen > keyCount, "keys were retired and fresh ones used: " + keysSeen);
    }
  }

  @org.junit.jupiter.api.Test
  void etcdsAppendWorkloadRetiresKeysToo() {
    EtcdAppendWorkload w = new EtcdAppendWorkload(Keys.uniform(4), 3, 10);
    SplittableRandom rng = new SplittableRandom(7);
    Map<Object, Long> lastValue = new HashMap<>();
    for (int t = 0; t < 2000; t++) {
      for (Object mop : (List<?>) w.next(rng, 0).value()) {
        List<?> m = (List<?>) mop;
        if (m.get(2) != null) {
          assertTrue((Long) m.get(2) <= 10, "key " + m.get(1) + " written more than 10 times");
          lastValue.put(m.get(1), (Long) m.get(2));
        }
      }
    }
    assertTrue(lastValue.size() > 100, "fresh keys after retired ones: " + lastValue.size());
    assertEquals(10L, w.settings().get("writes-per-key"));
  }
}
