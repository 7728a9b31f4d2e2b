package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The two readings of real time: file order (Knossos, the default) and {@code :time} with closed intervals
 * (Porcupine, {@link LinearizabilityOptions.RealTime#TIME}).
 */
class RealTimeOrderTest {
  private static final LinearizabilityOptions BY_TIME = LinearizabilityOptions.defaults().withRealTime(LinearizabilityOptions.RealTime.TIME);

  private static History timed(String... opsWithTimes) {
    // "TIME PROCESS TYPE F VALUE": the time goes into :time.
    List<String> ops = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (String o : opsWithTimes) {
      int sp = o.indexOf(' ');
      times.add(Long.parseLong(o.substring(0, sp)));
      ops.add(o.substring(sp + 1));
    }
    History h = Hist.of(ops);
    List<Op> out = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      Op op = h.op(i);
      out.add(new Op(op.index(), times.get(i), op.type(), op.process(), op.f(), op.value(), op.error(), op.extras()));
    }
    return History.of("timed.edn", out);
  }

  private static Verdict check(History h, LinearizabilityOptions o) {
    return LinearizabilityChecker.check(h, Models.byName("register", 0L), o).verdict();
  }

  @Test
  void returnAndInvokeAtTheSameTime_fileOrderPrecedes_timeOrderOverlaps() {
    // The write returns at 5, and the read is invoked at 5 (written after it); the read sees the old value.
    History h = timed("1 0 :invoke :write 1", "5 0 :ok :write 1", "5 1 :invoke :read nil", "6 1 :ok :read 0");
    assertEquals(Verdict.INVALID, check(h, LinearizabilityOptions.defaults()));
    assertEquals(Verdict.VALID, check(h, BY_TIME));
  }

  @Test
  void fileOutOfTimeOrder_timeOrderIsStricter() {
    // Written as if the ops overlapped, but the write returned at 3 and the read was invoked at 4.
    History h = timed("1 0 :invoke :write 1", "4 1 :invoke :read nil", "3 0 :ok :write 1", "6 1 :ok :read 0");
    assertEquals(Verdict.VALID, check(h, LinearizabilityOptions.defaults()));
    assertEquals(Verdict.INVALID, check(h, BY_TIME));
  }

  @Test
  void crashedTwins_byTime_theOneInvokedFirstInTimeGoesFirst() {
    // Two identical writes that never complete; p1's is written first but invoked at 5, after the read of 1
    // returned. Only p0's (invoked at 1) can explain the read, so it must not wait for its twin.
    History h = timed("5 1 :invoke :write 1", "1 0 :invoke :write 1", "2 2 :invoke :read nil", "3 2 :ok :read 1");
    assertEquals(Verdict.VALID, check(h, BY_TIME));
    assertEquals(Verdict.VALID, check(h, LinearizabilityOptions.defaults()));
  }

  @Test
  void opWithoutTime_byTime_dataErrorAtIt() {
    DataError e = assertThrows(DataError.class,
        () -> check(Hist.of("0 :invoke :write 1", "0 :ok :write 1"), BY_TIME));
    assertTrue(e.getMessage().contains("expected a :time on every op to order them by time, found none"),
        e.getMessage());
  }

  /**
   * Random histories with coarse clocks (many ops share a time) whose lines are not always in time order: checked by
   * time, the checker agrees with the brute-force oracle reading the times as closed intervals; and times that
   * follow the file strictly give the same verdicts in both readings.
   */
  @ParameterizedTest
  @ValueSource(strings = {"register", "cas-register", "kv", "multi-register", "etcd"})
  void coarseTimes_timeOrder_agreesWithClosedIntervalOracle(String model) {
    int differs = 0;
    for (int i = 0; i < 300; i++) {
      RandomHistories.Case c = RandomHistories.generate(model, model.hashCode() * 31L + i);
      SplittableRandom r = new SplittableRandom(i);
      List<Op> coarse = new ArrayList<>();
      List<Op> strict = new ArrayList<>();
      long t = 0;
      for (int k = 0; k < c.history().size(); k++) {
        Op op = c.history().op(k);
        t += r.nextInt(3) == 0 ? 1 : 0;
        coarse.add(new Op(op.index(), t, op.type(), op.process(), op.f(), op.value(), op.error(), op.extras()));
        strict.add(new Op(op.index(), 10L * k, op.type(), op.process(), op.f(), op.value(), op.error(),
            op.extras()));
      }
      // A recorder whose lines are not always in time order: swap neighbours of different processes.
      for (int k = 0; k + 1 < coarse.size(); k++) {
        if (r.nextInt(4) == 0 && !java.util.Objects.equals(coarse.get(k).process(), coarse.get(k + 1).process())) {
          Op a = coarse.get(k);
          coarse.set(k, coarse.get(k + 1));
          coarse.set(k + 1, a);
        }
      }
      coarse.replaceAll(op -> new Op(-1, op.time(), op.type(), op.process(), op.f(), op.value(), op.error(),
          op.extras()));
      History hc = History.of("coarse", coarse);
      LinearizabilityOptions o = BY_TIME.withIndependent(c.independent());
      boolean expected = BruteForceOracle.linearizableByTime(hc, c.oracleModel(), c.independent(), model.equals("kv"));
      Verdict got = LinearizabilityChecker.check(hc, c.newModel(), o).verdict();
      assertEquals(expected ? Verdict.VALID : Verdict.INVALID, got, () -> DifferentialTest.replay(c) + " (coarse)");
      Verdict byFile = LinearizabilityChecker.check(c.history(), c.newModel(),
          LinearizabilityOptions.defaults().withIndependent(c.independent())).verdict();
      differs += got != byFile ? 1 : 0;
      assertEquals(byFile, LinearizabilityChecker.check(History.of("strict", strict), c.newModel(), o).verdict(),
          () -> DifferentialTest.replay(c) + " (strict times)");
    }
    // Coarse clocks must make a difference somewhere, or this test shows nothing about ties.
    assertTrue(differs > 0, model + ": no verdict changed with coarse times");
  }
}
