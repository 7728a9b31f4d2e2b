package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.sim.scenario.Bundled;
import org.junit.jupiter.api.Test;

/**
 * Xline's two Jepsen findings, seeded into curp-kv: each bundled scenario catches its bug within 50 seeds, and the
 * run's explanation points at the phenomenon.
 */
class FindingsTest {
  /** The first invalid run of the bundled scenario {@code name} within 50 seeds. */
  private static Run firstInvalid(String name) throws Exception {
    Bundled.Entry e = Bundled.get(name);
    assertFalse(e.expectValid(), name + " is listed as expected to fail");
    for (long seed = 1; seed <= 50; seed++) {
      Run r = Harness.defaults().run(e.scenario().withSeed(seed), name + " seed " + seed);
      assertTrue(r.verdict() != Verdict.UNKNOWN, name + " seed " + seed + ": " + r.summary());
      if (r.verdict() == Verdict.INVALID) {
        return r;
      }
    }
    throw new AssertionError(name + " not caught within 50 seeds");
  }

  @Test
  void stateBeforeLog_caught_duplicateApplicationOnANodeThatRestarted() throws Exception {
    Run r = firstInvalid("curp-kv-state-before-log");
    String s = r.summary();
    assertTrue(s.contains("duplicate-elements: {:duplicates {"), "an element applied twice: " + s);
    assertTrue(s.contains("restarted at"), "served by a node that had restarted: " + s);
  }

  @Test
  void readNoWait_caught_aStaleRead() throws Exception {
    Run r = firstInvalid("curp-kv-read-no-wait");
    String s = r.summary();
    assertTrue(s.startsWith("linear (cas-register per key"), s);
    assertTrue(s.matches("(?s).* read \\d+ at op \\d+ .*but every order of the \\d+ earlier ops leaves the register"
        + ".*served by n\\d.*"), "a read of a value every order had overwritten, and its node: " + s);
  }

  @Test
  void localRevision_caught_twoNodesDisagreeOnAWritesRevision() throws Exception {
    Run r = firstInvalid("curp-kv-local-revision");
    String s = r.summary();
    assertTrue(s.contains("revision-disagreement") && s.contains("two nodes disagree on the revision of one write"),
        s);
    assertTrue(s.matches("(?s).*\\(node n\\d\\) appended .* but op \\d+ \\(node n\\d\\) read key .*"), s);
  }

  @Test
  void nativeApi_invalidForStrictSerializability_serializabilityHolds() throws Exception {
    Run r = firstInvalid("curp-kv-native");
    String s = r.summary();
    assertTrue(s.contains("realtime-revision-order") && s.contains("revisions do not follow real time"), s);
    assertTrue(s.contains("; serializable: valid;"), "Elle: serializable: " + s);
    assertTrue(s.contains("revisions: INVALID (serializable: valid)"), s);
    Map<?, ?> rev = (Map<?, ?>) r.check().data().get(Keyword.of("revisions"));
    assertEquals(Boolean.TRUE, rev.get(Keyword.of("serializable?")));
    Map<?, ?> also = (Map<?, ?>) r.check().data().get(Keyword.of("also"));
    assertEquals(Boolean.TRUE, ((Map<?, ?>) also.get(Keyword.of("serializable"))).get(Keyword.of("valid?")));
  }
}
