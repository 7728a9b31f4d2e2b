package madjep.bench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sim benchmarks measure what they claim: a deterministic event count, and raft-kv runs that do work. */
class SimBenchmarksTest {
  @Test
  void eventLoop_runsTheEventsItCounts_deterministically() {
    for (String model : new String[] {"off", "cpu+storage"}) {
      EventLoopBenchmark a = new EventLoopBenchmark();
      a.inFlight = 64;
      a.model = model;
      a.setUp();
      long h1 = EventLoopBenchmark.run(a.sim, 50_000);
      assertTrue(a.sim.eventCount() >= 50_000 && a.sim.eventCount() < 60_000, "events: " + a.sim.eventCount());
      EventLoopBenchmark b = new EventLoopBenchmark();
      b.inFlight = 64;
      b.model = model;
      b.setUp();
      assertEquals(h1, EventLoopBenchmark.run(b.sim, 50_000), model);
    }
  }

  @Test
  void eventLoop_cpuAndStorageModel_nodesSpendTimeAndTheDiskSettles() {
    EventLoopBenchmark a = new EventLoopBenchmark();
    a.inFlight = 64;
    a.model = "cpu+storage";
    a.setUp();
    EventLoopBenchmark.run(a.sim, 50_000);
    for (int i = 0; i < 5; i++) {
      madjep.sim.NodeMetrics m = a.sim.metrics(i);
      assertTrue(m.busyNanos() > 0, "node " + i + " spent CPU and I/O time");
      assertTrue(a.sim.disk(i).open("log").durableSize() > 0, "its log reached the disk");
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
