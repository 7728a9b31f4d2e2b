package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import madjep.sim.testing.Cluster;
import madjep.sim.testing.Probe;
import org.junit.jupiter.api.Test;

class NetworkFaultTest {
  private static final long MS = Durations.MS;

  @Test
  void partition_blockedLink_nothingDeliveredUntilHeal() {
    Cluster c = new Cluster(1, 3);
    c.stream(0, 1, 300, MS);
    c.sim.at(100 * MS, () -> {
      c.sim.network().block(0, 1);
      c.sim.network().block(1, 0);
    });
    c.sim.at(200 * MS, () -> c.sim.network().heal());
    c.sim.runUntil(400 * MS);
    long during = c.nodes[1].got.stream().filter(g -> g.time() >= 100 * MS && g.time() < 200 * MS).count();
    long after = c.nodes[1].got.stream().filter(g -> g.time() >= 200 * MS).count();
    assertEquals(0, during, "nothing crosses a partition");
    assertTrue(after > 90, "delivery resumes after heal: " + after);
    // Messages in flight when the partition began were dropped too: some numbers before 100 are missing.
    assertTrue(c.nodes[1].got.size() < 300);
  }

  @Test
  void partition_oneWay_otherDirectionStillFlows() {
    Cluster c = new Cluster(2, 2);
    c.sim.network().block(0, 1);
    c.stream(0, 1, 50, MS);
    c.stream(1, 0, 50, MS);
    c.sim.runUntil(200 * MS);
    assertEquals(0, c.nodes[1].got.size());
    assertEquals(50, c.nodes[0].got.size());
  }

  @Test
  void loss_globalRate_dropsAboutThatShare() {
    Cluster c = new Cluster(3, 2);
    c.sim.network().setLoss(0.3);
    c.stream(0, 1, 2000, MS);
    c.sim.runUntil(3000 * MS);
    int got = c.nodes[1].got.size();
    assertTrue(got > 1200 && got < 1600, "about 70% of 2000 arrive: " + got);
    assertEquals(2000 - got, c.sim.network().dropped());
  }

  @Test
  void loss_perLinkAndDirection_onlyThatDirectionLoses() {
    Cluster c = new Cluster(4, 3);
    c.sim.network().setLinkLoss(0, 1, 1.0);
    c.stream(0, 1, 100, MS);
    c.stream(1, 0, 100, MS);
    c.stream(0, 2, 100, MS);
    c.sim.runUntil(500 * MS);
    assertEquals(0, c.nodes[1].got.size());
    assertEquals(100, c.nodes[0].got.size());
    assertEquals(100, c.nodes[2].got.size());
  }

  @Test
  void duplicate_rateOne_everyMessageDeliveredTwice() {
    Cluster c = new Cluster(5, 2);
    c.sim.network().setDuplicate(1.0);
    c.stream(0, 1, 100, MS);
    c.sim.runUntil(500 * MS);
    assertEquals(200, c.nodes[1].got.size());
    for (int k = 0; k < 100; k++) {
      int key = k;
      assertEquals(2, c.nodes[1].messages().stream().filter(m -> m.equals(key)).count(), "message " + k);
    }
  }

  @Test
  void reorder_bounded_overtakesButWithinBound() {
    Cluster c = new Cluster(6, 2);
    c.sim.network().setLatency(new Latency.Fixed(MS));
    c.stream(0, 1, 500, 100_000);
    c.sim.runUntil(1000 * MS);
    assertEquals(inOrder(c.nodes[1].messages()), true, "FIFO without reordering");

    Cluster r = new Cluster(6, 2);
    r.sim.network().setLatency(new Latency.Fixed(MS));
    r.sim.network().setReorder(0.3, 5 * MS);
    r.stream(0, 1, 500, 100_000);
    r.sim.runUntil(1000 * MS);
    assertEquals(500, r.nodes[1].got.size());
    assertEquals(false, inOrder(r.nodes[1].messages()), "some messages overtaken");
    for (Probe.Got g : r.nodes[1].got) {
      long sentAt = (Integer) g.message() * 100_000L;
      assertTrue(g.time() - sentAt <= MS + 5 * MS, "arrives within latency + bound");
    }
  }

  private static boolean inOrder(List<Object> ms) {
    for (int i = 1; i < ms.size(); i++) {
      if ((Integer) ms.get(i) < (Integer) ms.get(i - 1)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void clog_heldUntilRelease_thenAllDelivered() {
    Cluster c = new Cluster(7, 2);
    c.sim.network().clog(0, 1);
    c.stream(0, 1, 100, MS);
    c.sim.runUntil(300 * MS);
    assertEquals(0, c.nodes[1].got.size());
    assertEquals(100, c.sim.network().held());
    c.sim.network().unclog(0, 1);
    c.sim.runUntil(400 * MS);
    assertEquals(100, c.nodes[1].got.size());
    assertTrue(inOrder(c.nodes[1].messages()), "held messages keep their order");
  }

  @Test
  void latency_distributions_drawWithinTheirShape() {
    SplittableRandom rng = new SplittableRandom(8);
    assertEquals(5 * MS, new Latency.Fixed(5 * MS).sample(rng));
    Latency u = new Latency.Uniform(MS, 3 * MS);
    Latency n = new Latency.Normal(10 * MS, MS);
    Latency e = new Latency.Exponential(MS, 2 * MS);
    Latency tail = Latency.foundationDb();
    double sumN = 0;
    double sumE = 0;
    int slow = 0;
    int count = 100_000;
    for (int i = 0; i < count; i++) {
      long x = u.sample(rng);
      assertTrue(x >= MS && x <= 3 * MS);
      sumN += n.sample(rng);
      long y = e.sample(rng);
      assertTrue(y >= MS);
      sumE += y - MS;
      long t = tail.sample(rng);
      assertTrue(t >= 100_000 && t <= 100 * MS);
      if (t > 800_000) {
        slow++;
      }
    }
    assertEquals(10.0, sumN / count / MS, 0.05, "normal mean");
    assertEquals(2.0, sumE / count / MS, 0.05, "exponential mean");
    assertTrue(slow > 50 && slow < 160, "about 0.1% slow: " + slow);
  }

  @Test
  void latency_parse_readsWhatDescribeWrites() {
    List<Latency> ls = new ArrayList<>(List.of(new Latency.Fixed(MS), new Latency.Uniform(MS, 2 * MS),
        new Latency.Normal(5 * MS, MS), new Latency.Exponential(0, 5 * MS), Latency.foundationDb()));
    for (Latency l : ls) {
      assertEquals(l, Latency.parse(l.describe()));
    }
  }
}
