package madjep.harness.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureKindTest {
  @Test
  void matchedBy_sameCheckerSharedKind_true() {
    FailureKind a = new FailureKind("txn", List.of("G-single", "G1c"));
    assertTrue(a.matchedBy(new FailureKind("txn", List.of("G1c"))));
    assertFalse(a.matchedBy(new FailureKind("txn", List.of("G0"))), "another anomaly is another failure");
    assertFalse(a.matchedBy(new FailureKind("bank", List.of("G1c"))), "another checker");
    assertFalse(a.matchedBy(new FailureKind("txn", List.of())), "a run that passes");
    assertFalse(new FailureKind("txn", List.of()).matchedBy(a), "nothing matches a pass");
  }

  @Test
  void matchedBy_linearOpKind_readIsNotCas() {
    FailureKind read = new FailureKind("linear", List.of("nonlinearizable :read"));
    assertFalse(read.matchedBy(new FailureKind("linear", List.of("nonlinearizable :cas"))));
    assertEquals("linear: nonlinearizable :read", read.describe());
  }

  @Test
  void matchedBy_checkerVerdictWithLiveness_livenessAloneIsNotTheSameFailure() {
    FailureKind both = new FailureKind("linear", List.of("nonlinearizable :read", "liveness"));
    assertFalse(both.matchedBy(new FailureKind("linear", List.of("liveness"))), "a quorum lost is not a stale read");
    assertFalse(both.matchedBy(new FailureKind("linear", List.of("node-exception java.lang.IllegalStateException"))));
    assertTrue(both.matchedBy(new FailureKind("linear", List.of("nonlinearizable :read"))));
    FailureKind live = new FailureKind("linear", List.of("liveness"));
    assertTrue(live.matchedBy(new FailureKind("linear", List.of("liveness"))), "a liveness failure shrinks as one");
    assertTrue(live.matchedBy(new FailureKind("linear", List.of("nonlinearizable :read", "liveness"))));
  }

  @Test
  void describe_runKindsAloneCheckerKindsNamed() {
    assertEquals("liveness", new FailureKind("linear", List.of("liveness")).describe());
    assertEquals("node-exception java.lang.IllegalStateException; linear: invalid",
        new FailureKind("linear", List.of("node-exception java.lang.IllegalStateException", "invalid")).describe());
    assertEquals("txn: does not fail", new FailureKind("txn", List.of()).describe());
  }
}
