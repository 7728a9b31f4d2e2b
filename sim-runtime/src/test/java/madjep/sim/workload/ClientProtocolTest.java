package madjep.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.Rpc;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import madjep.sim.testing.LeaderStore;
import org.junit.jupiter.api.Test;

class ClientProtocolTest {
  private static final Keyword NODE = Keyword.of("node");

  /** Sends each op to every server at once and takes the first Ok: the shape of a CURP client's fan-out. */
  static final class FanOut implements NodeFactory, ClientProtocol {
    final LeaderStore store = new LeaderStore();
    final List<String> abandoned = new ArrayList<>();

    @Override
    public Node create(int id) {
      return store.create(id);
    }

    @Override
    public ClientSession open(NodeContext ctx) {
      return (op, timeout, outcome) -> {
        for (int n = 0; n < ctx.servers(); n++) {
          int node = n;
          ctx.request(n, op, timeout, new Rpc.Handler() {
            @Override
            public void response(Object body) {
              if (body instanceof ClientReply.Ok ok) {
                outcome.ok(ok.value(), NODE, ctx.nameOf(node));
              } else if (body instanceof ClientReply.Fail f) {
                outcome.fail(f.value(), f.error(), NODE, ctx.nameOf(node));
              }
            }

            @Override
            public void timeout() {}
          });
        }
      };
    }
  }

  /** Never answers, and counts what the driver tells it. */
  static final class Silent implements NodeFactory, ClientProtocol {
    final List<String> events = new ArrayList<>();

    @Override
    public Node create(int id) {
      return new LeaderStore().create(id);
    }

    @Override
    public ClientSession open(NodeContext ctx) {
      return new ClientSession() {
        @Override
        public void invoke(ClientOp op, long timeout, Outcome outcome) {
          events.add("invoke " + op.process());
        }

        @Override
        public void abandon() {
          events.add("abandon");
        }
      };
    }
  }

  @Test
  void systemWithOwnClients_scenarioRun_completionsCarryTheSessionsExtras() {
    FanOut sys = new FanOut();
    Scenario s = Scenario.builder("fan-out").system("fan-out", sys).faultMode("none").duration(Durations.s(2))
        .seed(5).build();
    SimResult r = SimRunner.run(s);
    History h = r.history();
    int oks = 0;
    for (int i = 0; i < h.size(); i++) {
      if (h.isClient(i) && (h.isOk(i) || h.isFail(i))) {
        oks++;
        assertEquals("n1", h.extra(i, NODE), "only n1 answers: " + h.op(i));
      }
    }
    assertTrue(oks > 100, "ops completed through the sessions: " + oks);
    assertEquals(0, h.problemCount());
  }

  @Test
  void sessionThatNeverAnswers_timeout_infoThenAbandonThenNewProcess() {
    Silent sys = new Silent();
    Simulation sim = new Simulation(new Streams(3), 3, sys, new Trace(false));
    HistoryRecorder rec = new HistoryRecorder(sim, "t");
    Clients clients = new Clients(sim, new RegisterWorkload("register", Keys.uniform(3), 0), rec,
        new ClientSettings(1, 10, Durations.ms(200), Durations.ms(10)), sys);
    sim.start();
    clients.run(0, Durations.ms(900));
    sim.runUntil(Durations.s(2));
    History h = rec.build();
    assertTrue(clients.crashedOps() >= 2, "ops timed out: " + clients.crashedOps());
    assertEquals(clients.crashedOps(), sys.events.stream().filter("abandon"::equals).count());
    assertEquals(List.of("invoke 0", "abandon", "invoke 1", "abandon"), sys.events.subList(0, 4),
        "each timed-out op is abandoned before the thread, as a new process, invokes the next");
    for (int i = 0; i < h.size(); i++) {
      if (!h.isInvoke(i)) {
        assertTrue(h.isInfo(i), "a session that never answers leaves only :info: " + h.op(i));
        assertNotNull(h.error(i));
      }
    }
  }

  @Test
  void lateReport_afterTimeout_ignored() {
    // Answers every op twice: once after its timeout (ignored), and the history stays well-formed.
    NodeFactory nodes = new LeaderStore();
    class Late implements NodeFactory, ClientProtocol {
      @Override
      public Node create(int id) {
        return nodes.create(id);
      }

      @Override
      public ClientSession open(NodeContext ctx) {
        return new ClientSession() {
          ClientSession.Outcome pending;

          @Override
          public void invoke(ClientOp op, long timeout, Outcome outcome) {
            pending = outcome;
            ctx.setTimer(timeout + Durations.ms(5), "late");
          }

          @Override
          public void timer(Object tag) {
            pending.ok(null);
            pending.fail(null, Keyword.of("twice"));
          }
        };
      }
    }
    Late sys = new Late();
    Simulation sim = new Simulation(new Streams(9), 3, sys, new Trace(false));
    HistoryRecorder rec = new HistoryRecorder(sim, "t");
    Clients clients = new Clients(sim, new RegisterWorkload("register", Keys.uniform(3), 0), rec,
        new ClientSettings(2, 20, Durations.ms(100), Durations.ms(10)), sys);
    sim.start();
    clients.run(0, Durations.s(1));
    sim.runUntil(Durations.s(2));
    History h = rec.build();
    assertEquals(0, h.problemCount(), "no completion without an open invocation");
    for (int i = 0; i < h.size(); i++) {
      assertTrue(h.isInvoke(i) || h.isInfo(i), "late reports are dropped: " + h.op(i));
    }
  }
}
