package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.nemesis.Schedule;
import madjep.sim.testing.RegisterOracle;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RaftKvTest {
  @Test
  void raftKv_fullFaultMix_everySeedLinearizable() {
    Scenario s = Bundled.get("raft-kv").scenario();
    for (long seed = 1; seed <= 25; seed++) {
      SimResult r = SimRunner.run(s.withSeed(seed));
      History h = r.history();
      assertEquals(0, h.problemCount(), "well-formed, seed " + seed);
      assertEquals("", RegisterOracle.firstViolation(h), "seed " + seed + " linearizable");
      assertTrue(r.stats().get("ops-completed") > 1000, "seed " + seed + " made progress: " + r.stats());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"raft-kv-stale-read", "raft-kv-unsynced-ack", "raft-kv-small-quorum", "raft-kv-lease-read"})
  void seededBug_within50Seeds_caught(String name) {
    Bundled.Entry e = Bundled.get(name);
    assertEquals(false, e.expectValid());
    for (long seed = 1; seed <= 50; seed++) {
      String v = RegisterOracle.firstViolation(SimRunner.run(e.scenario().withSeed(seed)).history());
      if (v != null && !v.isEmpty()) {
        System.out.println(name + ": caught at seed " + seed + " (key " + v + ")");
        return;
      }
    }
    throw new AssertionError(name + " not caught within 50 seeds");
  }

  @Test
  void leaseRead_withoutClockFaults_notCaught_withThem_caught() {
    Scenario withClocks = Bundled.get("raft-kv-lease-read").scenario();
    Scenario without = withClocks.toBuilder().faults(withClocks.faults().withKinds(
        java.util.EnumSet.of(madjep.sim.nemesis.FaultKind.PARTITION))).build();
    int caughtWith = 0;
    for (long seed = 1; seed <= 30; seed++) {
      assertEquals("", RegisterOracle.firstViolation(SimRunner.run(without.withSeed(seed)).history()),
          "seed " + seed + " without clock faults");
      String v = RegisterOracle.firstViolation(SimRunner.run(withClocks.withSeed(seed)).history());
      caughtWith += v != null && !v.isEmpty() ? 1 : 0;
    }
    assertTrue(caughtWith > 0, "clock faults expose the wall-clock lease");
  }

  @Test
  void trigger_leaderElected_thatLeaderIsKilled() {
    Scenario s = Bundled.get("raft-kv").scenario().toBuilder().faultMode("none").duration(Durations.s(5))
        .schedule(new Schedule.Trigger("leader", "kill", Durations.s(1))).build();
    SimResult r = SimRunner.run(s.withSeed(3));
    String[] lines = r.trace().split("\n");
    int checked = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(": leader ") && !lines[i].contains("nemesis")) {
        String node = lines[i].substring(lines[i].indexOf("] ") + 2, lines[i].indexOf(": leader"));
        for (int j = i + 1; j < lines.length; j++) {
          if (lines[j].contains("nemesis: kill")) {
            assertTrue(lines[j].contains("[\"" + node + "\"]"), lines[j] + " kills " + node);
            checked++;
            break;
          }
        }
        break;
      }
    }
    assertEquals(1, checked, r.trace());
  }

  @Test
  void faultsStartingLater_historyBeforeTheFirstFault_sameAsWithoutFaults() {
    Scenario quiet = Bundled.get("raft-kv").scenario().toBuilder().faultMode("none").duration(Durations.s(6))
        .build().withSeed(11);
    Scenario faulty = quiet.toBuilder()
        .schedule(new Schedule.Phases(List.of(new Schedule.Phase(Durations.s(3), new Schedule.None()),
            new Schedule.Phase(Durations.s(3), new Schedule.Mix()))))
        .faults(madjep.sim.nemesis.FaultSettings.standard().withInterval(Durations.ms(200)))
        .faultMode("mix").build();
    History a = SimRunner.run(quiet).history();
    History b = SimRunner.run(faulty).history();
    int firstFault = -1;
    for (int i = 0; i < b.size(); i++) {
      if (!b.isClient(i)) {
        firstFault = i;
        break;
      }
    }
    assertTrue(firstFault > 100, "faults start in the second phase");
    for (int i = 0; i < firstFault; i++) {
      assertEquals(a.op(i), b.op(i), "op " + i + " before the first fault");
    }
  }

  @Test
  void bank_everyReadSumsToTotal_andTransfersHappen() {
    History h = SimRunner.run(Bundled.get("raft-kv-bank").scenario().withSeed(5)).history();
    int reads = 0;
    int transfers = 0;
    for (int i = 0; i < h.size(); i++) {
      if (h.isOk(i) && h.f(i) == Keyword.of("read")) {
        long sum = 0;
        for (Object v : ((Map<?, ?>) h.value(i)).values()) {
          sum += (Long) v;
        }
        assertEquals(100, sum, "read at op " + i);
        reads++;
      }
      if (h.isOk(i) && h.f(i) == Keyword.of("transfer")) {
        transfers++;
      }
    }
    assertTrue(reads > 100 && transfers > 100, reads + " reads, " + transfers + " transfers");
  }

  @Test
  void set_finalReadHoldsEveryAcknowledgedAdd() {
    History h = SimRunner.run(Bundled.get("raft-kv-set").scenario().withSeed(6)).history();
    java.util.Set<?> finalRead = null;
    java.util.List<Object> acked = new java.util.ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      if (h.isOk(i) && h.f(i) == Keyword.of("add")) {
        acked.add(h.value(i));
      }
      if (h.isOk(i) && h.f(i) == Keyword.of("read")) {
        finalRead = (java.util.Set<?>) h.value(i);
      }
    }
    assertTrue(finalRead != null, "the final read succeeded");
    assertTrue(acked.size() > 1000);
    assertTrue(finalRead.containsAll(acked), "no acknowledged add lost");
  }

  @ParameterizedTest
  @ValueSource(strings = {"raft-kv-list-append", "raft-kv-rw-register", "raft-kv-mutex", "raft-kv-swarm"})
  void otherWorkloads_wellFormedWithCompletedOps(String name) {
    SimResult r = SimRunner.run(Bundled.get(name).scenario().withSeed(7));
    History h = r.history();
    assertEquals(0, h.problemCount());
    int ok = 0;
    for (int i = 0; i < h.size(); i++) {
      ok += h.isOk(i) ? 1 : 0;
    }
    // A lock held by a client that crashed stays held, so the mutex workload completes few ops.
    assertTrue(ok > (name.endsWith("mutex") ? 20 : 100), name + ": " + ok + " ok ops");
  }

  @Test
  void listAppend_readsAreAppendOrderedPrefixes() {
    History h = SimRunner.run(Bundled.get("raft-kv-list-append").scenario().withSeed(8)).history();
    Map<Object, List<?>> longest = new java.util.HashMap<>();
    for (int i = 0; i < h.size(); i++) {
      if (!h.isOk(i)) {
        continue;
      }
      for (Object m : (List<?>) h.value(i)) {
        List<?> mop = (List<?>) m;
        if (mop.get(0) == Keyword.of("r") && mop.get(2) != null) {
          List<?> seen = (List<?>) mop.get(2);
          List<?> prev = longest.get(mop.get(1));
          List<?> shorter = prev == null || prev.size() <= seen.size() ? prev : seen;
          List<?> longer = shorter == prev ? seen : prev;
          if (shorter != null) {
            assertEquals(shorter, longer.subList(0, shorter.size()), "reads of key " + mop.get(1) + " agree");
          }
          longest.put(mop.get(1), longer);
        }
      }
    }
    assertTrue(longest.size() > 3);
  }
}
