package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import madjep.history.Verdict;
import org.junit.jupiter.api.Test;

class SweepTest {
  @Test
  void seeds_hundredMillion_countedAndIndexedWithoutMaterializing() {
    Seeds s = Seeds.range(1, 100_000_000);
    assertEquals(100_000_000, s.count());
    assertEquals(100_000_000, s.get(s.count() - 1));
    Seeds shard = new Seeds(1, 10, 1, 4);
    List<Long> got = new ArrayList<>();
    for (long i = 0; i < shard.count(); i++) {
      got.add(shard.get(i));
    }
    assertEquals(List.of(2L, 6L, 10L), got);
    assertEquals(0, new Seeds(1, 2, 3, 4).count());
  }

  @Test
  void run_hugeRange_interrupted_stopsWithWhatFinished() throws InterruptedException {
    Seeds seeds = Seeds.range(1, 100_000_000);
    Sweep.Progress p = Sweep.progress(seeds);
    Thread t = new Thread(() -> new Sweep(Harness.defaults(), 2).run(
        StoreWriterTest.small("huge").toBuilder().duration(madjep.sim.Durations.ms(200)).build(), seeds,
        s -> "replay " + s, p, (seed, f, progress) -> {}));
    t.start();
    while (p.done() < 20) {
      Thread.sleep(10);
    }
    t.interrupt();
    t.join(10_000);
    assertTrue(!t.isAlive(), "the sweep stops when interrupted");
    assertTrue(p.done() >= 20 && p.done() < 100_000_000, p.done() + " seeds done");
    assertEquals(Verdict.VALID, p.verdict());
  }

  @Test
  void run_seedsReportedInOrder() {
    Seeds seeds = Seeds.range(5, 12);
    List<Long> order = new ArrayList<>();
    Sweep.Progress p = new Sweep(Harness.defaults(), 3).run(StoreWriterTest.small("order"), seeds, s -> "r " + s,
        Sweep.progress(seeds), (seed, f, progress) -> order.add(seed));
    assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), order);
    assertEquals(8, p.valid());
  }
}
