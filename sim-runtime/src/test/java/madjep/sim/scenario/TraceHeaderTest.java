package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import org.junit.jupiter.api.Test;

/** A run's trace starts with its header (scenario, fault mix), before anything a node says or throws as it starts. */
class TraceHeaderTest {
  /** n1 logs as it starts, n2 throws. */
  private static final NodeFactory LOUD_START = id -> new Node() {
    @Override
    public void start(NodeContext ctx) {
      ctx.log("booting");
      if (id == 1) {
        throw new IllegalStateException("no config");
      }
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {}
  };

  @Test
  void nodeLogsAndThrowsAsItStarts_traceOpensWithTheHeader() {
    SimResult r = SimRunner.run(Scenario.builder("loud").system("loud", LOUD_START).seed(3)
        .duration(Durations.s(1)).build());
    List<String> lines = r.trace().lines().toList();
    assertTrue(lines.get(0).endsWith("sim: scenario loud seed 3, 5 nodes, loud, workload register"), lines.get(0));
    assertTrue(lines.get(1).contains("sim: mix: "), lines.get(1));
    int booting = indexOf(lines, "n1: booting");
    int threw = indexOf(lines, "n2: threw java.lang.IllegalStateException: no config");
    assertTrue(booting > 1 && threw > booting, String.join("\n", lines));
    assertEquals("n2", r.failure().node());
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
