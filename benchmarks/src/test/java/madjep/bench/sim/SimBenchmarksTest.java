package madjep.bench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The sim benchmarks measure what they claim: a deterministic event count, an agenda that holds what it says, and
 * raft-kv runs that do work.
 */
class SimBenchmarksTest {
  @Test
  void eventLoop_runsTheEventsItCounts_deterministically() {
    for (String model : new String[] {"off", "cpu+storage", "all"}) {
      EventLoopBenchmark a = started(model);
      long h1 = EventLoopBenchmark.run(a.sim, 50_000);
      assertTrue(a.sim.eventCount() >= 50_000 && a.sim.eventCount() < 60_000, "events: " + a.sim.eventCount());
      EventLoopBenchmark b = started(model);
      assertEquals(h1, EventLoopBenchmark.run(b.sim, 50_000), model);
    }
  }

  @Test
  void eventLoop_cpuAndStorageModel_nodesSpendTimeAndTheDiskSettles() {
    EventLoopBenchmark a = started("cpu+storage");
    EventLoopBenchmark.run(a.sim, 50_000);
    for (int i = 0; i < 5; i++) {
      madjep.sim.NodeMetrics m = a.sim.metrics(i);
      assertTrue(m.busyNanos() > 0, "node " + i + " spent CPU and I/O time");
      assertTrue(a.sim.disk(i).open("log").durableSize() > 0, "its log reached the disk");
    }
  }

  @Test
  void eventLoop_everyFaultFamily_faultsStartAndTheLoadLasts() {
    EventLoopBenchmark a = started("all");
    EventLoopBenchmark.run(a.sim, 200_000);
    long families = java.util.Arrays.stream(madjep.sim.nemesis.FaultKind.values())
        .filter(k -> a.nemesis.fired(k) > 0).count();
    assertTrue(families >= 10, "fault families started: " + families);
    long before = a.sim.now();
    EventLoopBenchmark.run(a.sim, 300_000);
    assertTrue(a.sim.now() - before < madjep.sim.Durations.s(300),
        "100,000 more events took " + (a.sim.now() - before) + " ns of simulated time: the load died out");
  }

  /** The event loop benchmark's state for {@code model}, set up as JMH would. */
  private static EventLoopBenchmark started(String model) {
    EventLoopBenchmark b = new EventLoopBenchmark();
    b.inFlight = 64;
    b.model = model;
    b.setUp();
    return b;
  }

  @Test
  void agenda_runsTheEventsItCounts_withThePendingEventsQueued() {
    for (int pending : new int[] {120, 1000}) {
      AgendaBenchmark a = new AgendaBenchmark();
      a.pending = pending;
      a.setUp();
      long n = a.events();
      assertTrue(n >= 100_000, "events: " + n);
      // Besides the one idle node's start, every event queued one in its place.
      assertTrue(Math.abs(a.sim.pendingEvents() - pending) <= 1, "queued: " + a.sim.pendingEvents());
      AgendaBenchmark b = new AgendaBenchmark();
      b.pending = pending;
      b.setUp();
      b.events();
      assertEquals(a.sim.eventHash(), b.sim.eventHash(), "the same events, deterministically");
    }
  }

  @Test
  void raftKv_run_sameHashEachTime() {
    RaftKvBenchmark r = new RaftKvBenchmark();
    r.faults = "mix";
    r.setUp();
    assertEquals(r.run(), r.run());
  }
}
