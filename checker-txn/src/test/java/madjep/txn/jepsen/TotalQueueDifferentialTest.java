package madjep.txn.jepsen;

import java.util.ArrayDeque;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import org.junit.jupiter.api.Test;

/**
 * total-queue against a simulated queue whose faults are known: it may drop an acknowledged value, deliver one
 * twice or deliver one nobody enqueued, and the checker must report exactly those as lost, duplicated and
 * unexpected.
 */
class TotalQueueDifferentialTest {
  static final int HISTORIES = 3000;

  @Test
  void totalQueue_simulatedQueueWithInjectedFaults_reportsExactlyTheFaults() {
    SplittableRandom seeds = new SplittableRandom(0x0E0E0EL);
    int invalid = 0;
    int duplicatedOnly = 0;
    for (int n = 0; n < HISTORIES; n++) {
      long seed = seeds.nextLong();
      SplittableRandom rnd = new SplittableRandom(seed);
      List<Op> ops = new ArrayList<>();
      ArrayDeque<Long> queue = new ArrayDeque<>();
      List<Object> lost = new ArrayList<>();
      List<Object> duplicated = new ArrayList<>();
      List<Object> unexpected = new ArrayList<>();
      List<Object> recovered = new ArrayList<>();
      int steps = 1 + rnd.nextInt(15);
      long next = 0;
      for (int s = 0; s < steps; s++) {
        if (rnd.nextInt(3) > 0) {
          long v = next++;
          ops.add(Op.invoke(0, "enqueue", EdnParser.box(v)));
          int outcome = rnd.nextInt(6);
          if (outcome == 0) {
            ops.add(Op.fail(0, "enqueue", EdnParser.box(v)));
          } else if (outcome == 1) {
            if (rnd.nextBoolean()) {
              queue.add(v);
              recovered.add(EdnParser.box(v));
            }
            ops.add(Op.info(0, "enqueue", EdnParser.box(v)));
          } else {
            if (rnd.nextInt(8) == 0) {
              lost.add(EdnParser.box(v)); // acknowledged, then dropped
            } else {
              queue.add(v);
            }
            ops.add(Op.ok(0, "enqueue", EdnParser.box(v)));
          }
        } else if (!queue.isEmpty()) {
          long v = queue.peek();
          boolean twice = rnd.nextInt(8) == 0;
          if (!twice) {
            queue.poll();
          } else {
            duplicated.add(EdnParser.box(v)); // delivered now and again later
          }
          ops.add(Op.invoke(1, "dequeue", null));
          ops.add(Op.ok(1, "dequeue", EdnParser.box(v)));
        }
      }
      if (rnd.nextInt(6) == 0) {
        unexpected.add(EdnParser.box(500));
        queue.add(500L);
      }
      List<Object> rest = new ArrayList<>();
      for (long v : queue) {
        rest.add(EdnParser.box(v));
      }
      ops.add(Op.invoke(2, "drain", null));
      ops.add(Op.ok(2, "drain", EdnVector.copyOf(rest)));
      History h = History.of("<random>", ops);
      TotalQueueResult r = TotalQueueChecker.check(h);
      String ctx = "seed " + seed + ": " + h.ops();
      assertEquals(sorted(lost), r.lost(), ctx);
      assertEquals(sorted(duplicated), r.duplicated(), ctx);
      assertEquals(sorted(unexpected), r.unexpected(), ctx);
      // a recovered value delivered twice still counts once as recovered
      assertEquals(sorted(recovered), r.recovered(), ctx);
      Verdict want = lost.isEmpty() && unexpected.isEmpty() ? Verdict.VALID : Verdict.INVALID;
      assertEquals(want, r.valid(), ctx);
      invalid += want == Verdict.INVALID ? 1 : 0;
      duplicatedOnly += want == Verdict.VALID && !duplicated.isEmpty() ? 1 : 0;
    }
    assertTrue(invalid > HISTORIES / 10 && invalid < HISTORIES * 3 / 4, "invalid: " + invalid);
    assertTrue(duplicatedOnly > HISTORIES / 50, "valid histories with duplicates: " + duplicatedOnly);
  }

  private static List<Object> sorted(List<Object> values) {
    List<Object> out = new ArrayList<>(values);
    Collections.sort(out, EdnOrder.INSTANCE);
    return out;
  }
}
