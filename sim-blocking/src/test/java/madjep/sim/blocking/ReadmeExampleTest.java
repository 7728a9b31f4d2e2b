package madjep.sim.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import org.junit.jupiter.api.Test;

/** README's blocking-style example, as written there, run: concurrent increments under the lock lose nothing. */
class ReadmeExampleTest {
  /** A counter: each request is served by a task of its own, which may block. */
  static class CounterNode implements BlockingNode {
    private SimLock lock;
    private long value;

    @Override
    public void start(BlockingContext ctx) {
      lock = ctx.newLock();
      ctx.spawn("reporter", () -> {               // a background task: a plain loop over simulated time
        while (true) {
          ctx.sleep(Durations.ms(100));
          ctx.log("value " + value);
        }
      });
    }

    @Override
    public Object serve(BlockingContext ctx, int from, Object request) {
      lock.lock();                                 // parks this task, not a thread
      try {
        long v = value;
        ctx.sleep(Durations.ms(1));                // other tasks run meanwhile
        value = v + 1;
        return value;                              // the reply to the caller's ctx.call(peer, request, timeout)
      } finally {
        lock.unlock();
      }
    }
  }

  /** Calls server 0 ten times at once from ten tasks. */
  static final class Caller implements BlockingNode {
    final List<Object> replies = new ArrayList<>();

    @Override
    public void start(BlockingContext ctx) {
      for (int i = 0; i < 10; i++) {
        ctx.spawn("caller" + i, () -> replies.add(ctx.call(0, "inc", Durations.s(1))));
      }
    }
  }

  @Test
  void readmeExample_asWritten_runsItsReporters() {
    Simulation sim = new Simulation(new Streams(42), 3, BlockingNodeFactory.of(id -> new CounterNode()), new Trace(true));
    sim.runUntil(Durations.ms(250));
    assertTrue(sim.trace().text().contains("n3: value 0"), sim.trace().text());
  }

  @Test
  void readmeExample_tenConcurrentIncrements_allCountedAndLogged() {
    BlockingNodeFactory counters = BlockingNodeFactory.of(id -> new CounterNode());
    BlockingNodeFactory callers = BlockingNodeFactory.of(id -> new Caller());
    Simulation sim = new Simulation(new Streams(42), 3, id -> id == 0 ? counters.create(id) : callers.create(id),
        new Trace(true));
    sim.runUntil(Durations.ms(250));
    List<Object> all = new ArrayList<>(Runs.<Caller>node(sim, 1).replies);
    all.addAll(Runs.<Caller>node(sim, 2).replies);
    assertEquals(20, all.size());
    assertEquals(20L, all.stream().mapToLong(o -> (Long) o).max().orElse(0), "no increment lost under the lock");
    assertTrue(sim.trace().text().contains("n1: value 20"), sim.trace().text());
  }
}
