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
