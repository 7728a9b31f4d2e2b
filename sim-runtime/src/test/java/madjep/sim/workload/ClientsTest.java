package madjep.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.Schedule;
import madjep.sim.testing.LeaderStore;
import org.junit.jupiter.api.Test;

class ClientsTest {
  /** Records every op the workload generates. */
  private static final class Recording implements Workload {
    final Workload inner = new RegisterWorkload("register", Keys.uniform(5), 50);
    final List<Invocation> drawn = new ArrayList<>();

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public Invocation next(SplittableRandom rng, long process) {
      Invocation i = inner.next(rng, process);
      drawn.add(i);
      return i;
    }

    @Override
    public CheckSpec check() {
      return inner.check();
    }

    @Override
    public Map<String, Object> settings() {
      return inner.settings();
    }
  }

  private static Object[] run(boolean faults) {
    return run(faults, new ClientSettings(4, 400, Durations.ms(300), Durations.ms(10)));
  }

  private static Object[] run(boolean faults, ClientSettings settings) {
    Simulation sim = new Simulation(new Streams(77), 5, new LeaderStore(), new Trace(false));
    HistoryRecorder rec = new HistoryRecorder(sim, "t");
    Recording w = new Recording();
    Clients clients = new Clients(sim, w, rec, settings);
    sim.start();
    if (faults) {
      Nemesis n = new Nemesis(sim, rec, sim.streams().of(Streams.Component.NEMESIS),
          FaultSettings.standard().withInterval(Durations.ms(300)));
      new Schedule.Mix().install(sim, n, sim.streams().of(Streams.Component.SCHEDULE), 0, Durations.s(8));
    }
    clients.run(0, Durations.s(8));
    sim.runUntil(Durations.s(9));
    return new Object[] {w.drawn, rec.build(), clients};
  }

  @Test
  void faultsOn_workloadDrawsTheSameOps_onlyWhichRunDiffers() {
    Object[] quiet = run(false);
    Object[] faulty = run(true);
    assertEquals(quiet[0], faulty[0], "the same ops are drawn, tick for tick");
    History hq = (History) quiet[1];
    History hf = (History) faulty[1];
    assertTrue(((Clients) faulty[2]).crashedOps() > 0, "faults crashed some ops");
    assertTrue(((Clients) faulty[2]).droppedOps() > ((Clients) quiet[2]).droppedOps(),
        "busy threads under faults leave more ops unrun");
    assertTrue(hq.size() != hf.size());
  }

  @Test
  void idleThread_neverInvokes_workloadDrawsTheSameOps() {
    Object[] all = run(false);
    Object[] two = run(false, new ClientSettings(4, 400, Durations.ms(300), Durations.ms(10), List.of(1, 2)));
    assertEquals(all[0], two[0], "the same ops are drawn, tick for tick");
    History h = (History) two[1];
    java.util.Set<Long> processes = new java.util.TreeSet<>();
    for (int i = 0; i < h.size(); i++) {
      processes.add((long) h.process(i) % 4);
    }
    assertEquals(java.util.Set.of(0L, 3L), processes);
    assertTrue(((Clients) two[2]).droppedOps() > ((Clients) all[2]).droppedOps(), "two threads take fewer ops");
  }
}
