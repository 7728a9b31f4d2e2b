package madjep.sim.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The scheduler explores interleavings from the seed, and a seed replays its interleaving exactly. */
class InterleavingTest {
  /** Two tasks each read a shared counter, let others run ({@code sleep(0)}), and write it back plus one. */
  static final class Counter implements BlockingNode {
    int counter;
    final List<String> steps = new ArrayList<>();

    @Override
    public void start(BlockingContext ctx) {
      for (String name : List.of("a", "b")) {
        ctx.spawn(name, () -> {
          int v = counter;
          steps.add(name + " read " + v);
          ctx.sleep(0);
          counter = v + 1;
          steps.add(name + " wrote " + (v + 1));
        });
      }
    }
  }

  private static Counter run(long seed, Interleaving interleaving) {
    Simulation sim = Runs.start(seed, 1, BlockingNodeFactory.of(id -> new Counter()).withInterleaving(interleaving));
    sim.runUntil(Durations.ms(1));
    Counter c = Runs.node(sim, 0);
    assertEquals(4, c.steps.size(), "both tasks ran to the end");
    return c;
  }

  @Test
  void checkThenAct_randomInterleaving_lostUpdateFoundWithin100Seeds() {
    long found = -1;
    for (long seed = 0; seed < 100 && found < 0; seed++) {
      if (run(seed, Interleaving.RANDOM).counter == 1) {
        found = seed;
      }
    }
    assertTrue(found >= 0, "no seed of 100 interleaved the two read-modify-writes");
  }

  @Test
  void checkThenAct_runToBlock_neverLosesAnUpdate() {
    for (long seed = 0; seed < 100; seed++) {
      assertEquals(2, run(seed, Interleaving.RUN_TO_BLOCK).counter, "seed " + seed);
    }
  }

  @Test
  void randomInterleaving_sameSeed_sameSteps() {
    int distinct = 0;
    List<String> previous = null;
    for (long seed = 0; seed < 30; seed++) {
      List<String> first = run(seed, Interleaving.RANDOM).steps;
      assertEquals(first, run(seed, Interleaving.RANDOM).steps, "seed " + seed);
      if (!first.equals(previous)) {
        distinct++;
      }
      previous = first;
    }
    assertTrue(distinct > 1, "every seed gave the same interleaving");
  }
}
