package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CPU time, slowed nodes, bounded inboxes and memory budgets, each with a fixed seed. */
class ResourceFaultTest {
  private static final long MS = Durations.MS;
  private static final long US = Durations.US;

  /** Node 0 pings node 1 on "go" and notes when each pong arrives; node 1 answers every ping. */
  private static final class PingPong implements Node {
    final List<Long> pongs;

    PingPong(List<Long> pongs) {
      this.pongs = pongs;
    }

    @Override
    public void start(NodeContext ctx) {}

    @Override
    public void receive(NodeContext ctx, int from, Object message) {
      if (message.equals("ping")) {
        ctx.send(from, "pong");
      } else if (message.equals("pong")) {
        pongs.add(ctx.now());
      }
    }
  }

  private static Simulation pingPong(List<Long> pongs, Latency cost, int pings) {
    Simulation sim = new Simulation(new Streams(1), 2, id -> new PingPong(pongs), new Trace(false));
    sim.start();
    sim.network().setLatency(new Latency.Fixed(MS));
    sim.setEventCost(cost);
    sim.after(0, () -> {
      for (int i = 0; i < pings; i++) {
        sim.network().send(0, 1, "ping");
      }
    });
    return sim;
  }

  @Test
  void eventCost_replyLeavesAfterTheHandlersCpuTime() {
    List<Long> pongs = new ArrayList<>();
    Simulation sim = pingPong(pongs, new Latency.Fixed(100 * US), 1);
    sim.runUntil(10 * MS);
    // ping arrives at 1 ms, node 1 spends 100 us, pong arrives at 2.1 ms, node 0 sees it 100 us into its handler.
    assertEquals(List.of(2 * MS + 200 * US), pongs);
  }

  @Test
  void slowedNode_eventsLateByTheFactor() {
    List<Long> normal = new ArrayList<>();
    pingPong(normal, new Latency.Fixed(100 * US), 3).runUntil(50 * MS);
    List<Long> slowed = new ArrayList<>();
    Simulation sim = pingPong(slowed, new Latency.Fixed(100 * US), 3);
    sim.setSlowFactor(1, 10);
    sim.runUntil(50 * MS);
    // Three pings arrive at once: node 1 answers them one after another, each taking its CPU time.
    assertEquals(List.of(2200 * US, 2300 * US, 2400 * US), normal);
    assertEquals(List.of(3100 * US, 4100 * US, 5100 * US), slowed, "each event takes 10 x 100 us on node 1");
    assertEquals(3 * MS, sim.metrics(1).busyNanos());
  }

  @Test
  void slowedNode_withoutCpuModel_costsFactorTimesTheSlowUnit() {
    List<Long> pongs = new ArrayList<>();
    Simulation sim = pingPong(pongs, null, 1);
    sim.setSlowUnit(200 * US);
    sim.setSlowFactor(1, 5);
    sim.runUntil(10 * MS);
    assertEquals(List.of(3 * MS), pongs, "1 ms + 5 x 200 us + 1 ms");
  }

  @Test
  void busyNode_timerFiresWhenItIsFree() {
    List<Long> fired = new ArrayList<>();
    Simulation sim = new Simulation(new Streams(2), 1, id -> new Node() {
      @Override
      public void start(NodeContext ctx) {
        ctx.setTimer(MS, "t");
        ctx.work(5 * MS);
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {}

      @Override
      public void timer(NodeContext ctx, Object tag) {
        fired.add(ctx.now());
      }
    }, new Trace(false));
    sim.start();
    sim.runUntil(20 * MS);
    assertEquals(List.of(5 * MS), fired, "due at 1 ms, it waits for the 5 ms of work to end");
  }

  @Test
  void boundedInbox_overflowDropsAndCounts() {
    List<Long> pongs = new ArrayList<>();
    Simulation sim = pingPong(pongs, new Latency.Fixed(MS), 10);
    sim.setInboxLimit(3);
    sim.runUntil(100 * MS);
    // The first ping runs at once; three wait; six are dropped.
    assertEquals(4, pongs.size());
    assertEquals(6, sim.metrics(1).inboxDropped());
  }

  @Test
  void queueDepth_reportedWhileBusy() {
    List<Long> pongs = new ArrayList<>();
    Simulation sim = pingPong(pongs, new Latency.Fixed(MS), 5);
    sim.runUntil(MS + 1);
    assertEquals(4, sim.metrics(1).queued());
    sim.runUntil(100 * MS);
    assertEquals(0, sim.metrics(1).queued());
  }

  /** Declares 100 bytes more state on every message. */
  private static final class Grower implements Node {
    long size;

    @Override
    public void start(NodeContext ctx) {
      ctx.memory(0);
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {
      size += 100;
      ctx.memory(size);
    }
  }

  @Test
  void memoryBudget_exceeded_killedAsByOomKiller_thenRestarted() {
    List<String> faults = new ArrayList<>();
    Simulation sim = new Simulation(new Streams(3), 2, id -> new Grower(), new Trace(true));
    sim.addFaultListener((node, event, detail) -> faults.add(sim.now() / MS + " " + sim.name(node) + " " + event));
    sim.start();
    sim.setMemoryBudget(1, 450);
    for (int i = 0; i < 10; i++) {
      sim.at(i * MS, () -> sim.network().send(0, 1, "x"));
    }
    sim.runUntil(20 * MS);
    assertTrue(sim.isDown(1), "killed after its fifth message");
    assertTrue(sim.trace().text().contains("n2: crashed: killed: out of memory (500 bytes, budget 450)"),
        sim.trace().text());
    sim.runUntil(2000 * MS);
    assertFalse(sim.isDown(1), "its supervisor restarted it");
    assertEquals(2, faults.size(), faults.toString());
    assertTrue(faults.get(0).endsWith("n2 oom-kill"));
    assertTrue(faults.get(1).endsWith("n2 oom-restart"));
  }

  @Test
  void crashSelf_nodeDiesAtTheEndOfItsHandler_andIsRestarted() {
    List<String> seen = new ArrayList<>();
    Simulation sim = new Simulation(new Streams(4), 2, id -> new Node() {
      @Override
      public void start(NodeContext ctx) {
        seen.add("start " + ctx.name());
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {
        ctx.crash("cannot go on");
      }
    }, new Trace(true));
    sim.setRestartDelay(10 * MS);
    sim.start();
    sim.after(MS, () -> sim.network().send(0, 1, "x"));
    sim.runUntil(5 * MS);
    assertTrue(sim.isDown(1));
    sim.runUntil(50 * MS);
    assertEquals(List.of("start n1", "start n2", "start n2"), seen);
  }
}
