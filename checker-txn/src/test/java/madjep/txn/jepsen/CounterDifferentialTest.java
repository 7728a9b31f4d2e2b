package madjep.txn.jepsen;

import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import org.junit.jupiter.api.Test;

/**
 * Counter against two oracles on seeded random histories: the bounds recomputed from their definition by brute force,
 * and a simulated counter that applies each add at one instant inside its interval, so that reads of the true value
 * are never flagged and reads beyond every possible value always are.
 */
class CounterDifferentialTest {
  static final int HISTORIES = 3000;

  /** A simulated run: ops, plus which reads were corrupted. */
  record Run(History history, int corrupted) {}

  static Run generate(SplittableRandom rnd) {
    int processes = 1 + rnd.nextInt(4);
    int steps = 2 + rnd.nextInt(30);
    long counter = 0;
    List<Op> ops = new ArrayList<>();
    // per process: 0 idle, 1 add pending, 2 read pending
    int[] state = new int[processes];
    long[] amount = new long[processes];
    int corrupted = 0;
    for (int s = 0; s < steps; s++) {
      int p = rnd.nextInt(processes);
      if (state[p] == 0) {
        if (rnd.nextBoolean()) {
          amount[p] = rnd.nextInt(4);
          state[p] = 1;
          ops.add(Op.invoke(p, "add", EdnParser.box(amount[p])));
        } else {
          state[p] = 2;
          ops.add(Op.invoke(p, "read", null));
        }
      } else {
        // An add takes effect when it completes ok, maybe when it crashes; a read sees the value at its completion.
        int outcome = rnd.nextInt(10);
        if (state[p] == 1) {
          if (outcome < 6) {
            counter += amount[p];
            ops.add(Op.ok(p, "add", EdnParser.box(amount[p])));
          } else if (outcome < 8) {
            ops.add(Op.fail(p, "add", EdnParser.box(amount[p])));
          } else {
            if (rnd.nextBoolean()) {
              counter += amount[p];
            }
            ops.add(Op.info(p, "add", EdnParser.box(amount[p])));
          }
        } else if (outcome < 8) {
          long v = counter;
          if (rnd.nextInt(12) == 0) {
            v += 100; // beyond any attempted sum: at most 4 per add, fewer than 25 adds
            corrupted++;
          }
          ops.add(Op.ok(p, "read", EdnParser.box(v)));
        } else {
          ops.add(Op.info(p, "read", null));
        }
        state[p] = 0;
      }
    }
    return new Run(History.of("<random>", ops), corrupted);
  }

  /** The bounds of every :ok read, straight from the definition: O(n^2). */
  static List<String> oracleBounds(History h) {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < h.size(); p++) {
      if (!h.isOk(p) || !h.f(p).name().equals("read")) {
        continue;
      }
      int q = h.pair(p);
      long lower = 0;
      long upper = 0;
      for (int i = 0; i < h.size(); i++) {
        if (!h.f(i).name().equals("add")) {
          continue;
        }
        if (h.isOk(i) && i < q) {
          lower += (Long) h.value(i);
        }
        if (h.isInvoke(i) && i < p && !(h.pair(i) >= 0 && h.isFail(h.pair(i)))) {
          upper += (Long) h.value(i);
        }
      }
      out.add(lower + " " + h.value(p) + " " + upper);
    }
    return out;
  }

  @Test
  void counter_randomHistories_matchBruteForceBoundsAndSimulation() {
    SplittableRandom seeds = new SplittableRandom(0x5EED_C0DEL);
    int invalid = 0;
    for (int n = 0; n < HISTORIES; n++) {
      long seed = seeds.nextLong();
      Run run = generate(new SplittableRandom(seed));
      History h = run.history();
      CounterResult r = CounterChecker.check(h);
      List<String> got = r.reads().stream().map(x -> x.lower() + " " + x.value() + " " + x.upper()).toList();
      assertEquals(oracleBounds(h), got, "seed " + seed);
      // Reads of the simulated counter's value are within bounds; corrupted ones are beyond every sum.
      Verdict want = run.corrupted() > 0 ? Verdict.INVALID : Verdict.VALID;
      assertEquals(want, r.valid(), () -> "seed " + seed + ": " + h.ops());
      invalid += want == Verdict.INVALID ? 1 : 0;
    }
    // The generator must exercise both verdicts.
    assertEquals(true, invalid > HISTORIES / 20 && invalid < HISTORIES / 2, "invalid histories: " + invalid);
  }
}
