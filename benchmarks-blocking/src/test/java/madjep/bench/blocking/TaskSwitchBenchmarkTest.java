package madjep.bench.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import madjep.sim.blocking.BlockingNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each benchmark invocation does exactly the work its operation count claims. */
class TaskSwitchBenchmarkTest {
  @ParameterizedTest
  @ValueSource(strings = {"direct", "handoff"})
  void switches_oneInvocation_exactlyRoundTripsExchanges(String carrier) {
    TaskSwitchBenchmark b = new TaskSwitchBenchmark();
    b.carrier = carrier;
    b.setUp();
    TaskSwitchBenchmark.PingPong node = (TaskSwitchBenchmark.PingPong) BlockingNodeFactory.unwrap(b.sim.node(0));
    long before = node.roundTrips;
    b.switches();
    assertEquals(TaskSwitchBenchmark.ROUND_TRIPS, node.roundTrips - before);
  }
}
