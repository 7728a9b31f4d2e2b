package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.Scenario;
import madjep.sim.testing.LeaderStore;
import madjep.sim.testing.ThrowingStore;
import madjep.sim.workload.LivenessSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessTest {
  @TempDir Path dir;

  @Test
  void nodeThrows_runStopsAndIsInvalid_storeNamesSeedTimeNodeIncarnationAndTrace() throws IOException {
    Scenario s = StoreWriterTest.small("throws").toBuilder().system(new ThrowingStore()).build().withSeed(4);
    Run run = Harness.defaults().withStore(dir).run(s, "replay it");
    assertEquals(Verdict.INVALID, run.verdict());
    assertEquals(List.of("node-exception"), run.causes());
    assertNotNull(run.sim().failure());
    assertEquals("n1", run.sim().failure().node());
    assertEquals(1, run.sim().failure().incarnation());
    assertTrue(run.summary().startsWith("node-exception: n1 (incarnation 1) threw java.lang.IllegalStateException: "
        + "op 50 broke the store"), run.summary());
    assertTrue(run.summary().contains("(seed 4)"), run.summary());
    String findings = String.join("\n", run.findings());
    assertTrue(findings.contains("at madjep.sim.testing.ThrowingStore"), findings);
    assertTrue(findings.contains("last trace lines:") && findings.contains("n1: threw"), findings);
    Map<?, ?> results = (Map<?, ?>) Edn.parse(Files.readString(dir.resolve("latest/results.edn")));
    assertEquals(Boolean.FALSE, results.get(Keyword.of("valid?")));
    Map<?, ?> f = (Map<?, ?>) results.get(Keyword.of("node-exception"));
    assertEquals("n1", f.get(Keyword.of("node")));
    assertTrue(((Long) f.get(Keyword.of("time"))) > 0);
  }

  @Test
  void checkerRunsOutOfMemory_unknownWithCauseMemory_storeWritten_neverAVerdict() throws IOException {
    Scenario s = StoreWriterTest.small("oom");
    Checker exhausted = (h, spec, timeout) -> {
      throw new OutOfMemoryError("Java heap space");
    };
    Run run = Harness.defaults().withChecker(exhausted).withStore(dir).run(s, "r");
    assertEquals(Verdict.UNKNOWN, run.verdict());
    assertTrue(run.check().summary().contains("unknown (memory)"), run.check().summary());
    Map<?, ?> results = (Map<?, ?>) Edn.parse(Files.readString(dir.resolve("latest/results.edn")));
    assertEquals(Keyword.of("unknown"), results.get(Keyword.of("valid?")));
    assertTrue(Files.size(dir.resolve("latest/history.edn")) > 0);
  }

  @Test
  void faultCoverage_configuredKindThatNeverFires_flagged_firedKindsCounted() throws IOException {
    Scenario s = StoreWriterTest.small("coverage").toBuilder().faultMode("none")
        .faults(FaultSettings.standard().withKinds(java.util.EnumSet.of(FaultKind.KILL)))
        .schedule(new Schedule.Steps(List.of(Step.parse("500ms kill n1"), Step.parse("900ms start"),
            Step.parse("1s start-partition halves"))))
        .build();
    Run run = Harness.defaults().run(s, "r");
    var cov = run.sim().coverage();
    assertEquals(List.of(), cov.neverFired());
    var kill = cov.kinds().stream().filter(k -> k.kind().equals("kill")).findFirst().orElseThrow();
    assertEquals(1, kill.fired());
    assertEquals(1, kill.nodes());
    Scenario mix = StoreWriterTest.small("coverage").toBuilder().faultMode("mix")
        .faults(FaultSettings.standard().withInterval(Durations.s(100))).build();
    Run quiet = Harness.defaults().run(mix, "r");
    assertEquals(7, quiet.sim().coverage().neverFired().size(), quiet.sim().coverage().describe());
    assertTrue(quiet.sim().coverage().describe().contains("configured but never fired: partition, kill"));
  }

  @Test
  void faultCoverage_storageAndResourceKinds_inTheSameCoverage_neverFiredFlagged() throws IOException {
    Scenario s = StoreWriterTest.small("coverage").toBuilder().faultMode("mix")
        .faults(FaultSettings.standard().withInterval(Durations.s(100))
            .withKinds(java.util.EnumSet.of(FaultKind.FSYNC, FaultKind.DISK_FULL, FaultKind.REGION)))
        .schedule(new Schedule.Steps(List.of(Step.parse("500ms start-slow-cpu n2"), Step.parse("1s stop-slow-cpu"),
            Step.parse("600ms bitflip all"))))
        .build();
    Run run = Harness.defaults().run(s, "r");
    var cov = run.sim().coverage();
    // Region faults have nothing to act on in one place: not configured, so not flagged.
    assertEquals(List.of("fsync", "disk-full"), cov.neverFired(), cov.describe());
    var slow = cov.kinds().stream().filter(k -> k.kind().equals("slow")).findFirst().orElseThrow();
    assertEquals(1, slow.fired());
    assertEquals(1, slow.nodes());
    var corrupt = cov.kinds().stream().filter(k -> k.kind().equals("corrupt")).findFirst().orElseThrow();
    assertEquals(1, corrupt.fired());
    assertTrue(corrupt.effects().containsKey("bits flipped"), corrupt.toString());
    Map<Keyword, Object> results = Results.of(run);
    Map<?, ?> coverage = (Map<?, ?>) results.get(Keyword.of("coverage"));
    assertEquals(List.of(Keyword.of("fsync"), Keyword.of("disk-full")), coverage.get(Keyword.of("never-fired")));
    assertTrue(coverage.containsKey(Keyword.of("slow")), coverage.toString());
    assertTrue(!results.containsKey(Keyword.of("fault-counts")), "one coverage map, not two");
  }

  @Test
  void alwaysAssertionFails_runInvalidWithCauseAssertion_resultsNameIt() throws IOException {
    madjep.sim.NodeFactory counting = id -> {
      madjep.sim.Node inner = new LeaderStore().create(id);
      return new madjep.sim.Node() {
        int served;

        @Override
        public void start(madjep.sim.NodeContext ctx) {
          inner.start(ctx);
        }

        @Override
        public void receive(madjep.sim.NodeContext ctx, int from, Object message) {
          if (message instanceof madjep.sim.Rpc.Request) {
            ctx.always("fewer-than-20-requests", ++served < 20);
          }
          inner.receive(ctx, from, message);
        }
      };
    };
    Scenario s = StoreWriterTest.small("asserts").toBuilder().system(counting).build().withSeed(2);
    Run run = Harness.defaults().withStore(dir).run(s, "r");
    assertEquals(Verdict.INVALID, run.verdict());
    assertEquals(List.of("assertion"), run.causes());
    assertTrue(run.summary().contains("assertion: always 'fewer-than-20-requests' failed on n"), run.summary());
    Map<?, ?> results = (Map<?, ?>) Edn.parse(Files.readString(dir.resolve("latest/results.edn")));
    assertEquals(List.of(Keyword.of("assertion")), results.get(Keyword.of("causes")));
    assertTrue(((String) results.get(Keyword.of("assertion-failure"))).contains("fewer-than-20-requests"));
  }

  @Test
  void validate_stepOnMissingNodeOrAfterTheEnd_errorNamesTheKeyBeforeRunning() {
    Scenario unknownNode = StoreWriterTest.small("v").toBuilder()
        .schedule(new Schedule.Steps(List.of(Step.parse("1s kill n9")))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Harness.defaults().validate(unknownNode));
    assertTrue(e.getMessage().startsWith("faults.steps: ") && e.getMessage().contains("n1..n3"), e.getMessage());
    Scenario late = StoreWriterTest.small("v").toBuilder()
        .schedule(new Schedule.Steps(List.of(Step.parse("2s kill n1")))).build();
    e = assertThrows(IllegalArgumentException.class, () -> Harness.defaults().validate(late));
    assertTrue(e.getMessage().contains("at or after the end"), e.getMessage());
  }

  @Test
  void liveness_off_noWindowNoReport_on_reportsEveryClient() throws IOException {
    Scenario off = StoreWriterTest.small("l").toBuilder().liveness(LivenessSettings.off()).build();
    assertEquals(null, Harness.defaults().run(off, "r").sim().liveness());
    Run on = Harness.defaults().run(StoreWriterTest.small("l"), "r");
    assertTrue(on.sim().liveness().ok(), on.sim().liveness().describe());
    assertEquals(10, on.sim().liveness().clients());
  }
}
