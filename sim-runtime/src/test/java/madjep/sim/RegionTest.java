package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.testing.Probe;
import org.junit.jupiter.api.Test;

class RegionTest {
  private static final long MS = Durations.MS;

  /** Two regions, a and b: servers n1 n2 in a, n3 n4 in b; client c0 in a, c1 in b. 40 ms one way between them. */
  private static Regions twoRegions() {
    return new Regions(List.of("a", "b"), new int[] {0, 0, 1, 1, 0, 1},
        new Latency[] {null, new Latency.Fixed(40 * MS), new Latency.Fixed(40 * MS), null});
  }

  private static Simulation cluster(Probe[] nodes) {
    Simulation sim = new Simulation(new Streams(1), 4, id -> nodes[id] = new Probe(), new Trace(false));
    sim.addClient(id -> nodes[id] = new Probe());
    sim.addClient(id -> nodes[id] = new Probe());
    sim.setRegions(twoRegions());
    sim.start();
    sim.network().setLatency(new Latency.Fixed(MS));
    sim.network().setClientLatency(new Latency.Fixed(MS));
    return sim;
  }

  /** Every endpoint sends one message to every other, numbered by sender. */
  private static void everyoneToEveryone(Simulation sim, Probe[] nodes) {
    sim.after(0, () -> {
      for (int a = 0; a < nodes.length; a++) {
        for (int b = 0; b < nodes.length; b++) {
          if (a != b) {
            nodes[a].ctx.send(b, a);
          }
        }
      }
    });
  }

  @Test
  void regions_crossRegionMessagesTakeTheRegionLatency() {
    Probe[] nodes = new Probe[6];
    Simulation sim = cluster(nodes);
    everyoneToEveryone(sim, nodes);
    sim.runUntil(100 * MS);
    for (Probe.Got g : nodes[0].got) {
      boolean across = twoRegions().of(g.from()) != 0;
      assertEquals(across ? 40 * MS : MS, g.time(), "from " + g.from());
    }
    assertEquals(5, nodes[0].got.size());
  }

  @Test
  void regionPartition_blocksExactlyTheCrossRegionLinks() {
    Probe[] nodes = new Probe[6];
    Simulation sim = cluster(nodes);
    sim.network().cutRegion(1);
    everyoneToEveryone(sim, nodes);
    sim.runUntil(100 * MS);
    Regions r = twoRegions();
    for (int to = 0; to < 6; to++) {
      List<Integer> from = new ArrayList<>();
      for (Probe.Got g : nodes[to].got) {
        from.add((Integer) g.message());
      }
      List<Integer> expected = new ArrayList<>();
      for (int a = 0; a < 6; a++) {
        if (a != to && r.of(a) == r.of(to)) {
          expected.add(a);
        }
      }
      assertEquals(expected, from.stream().sorted().toList(), "endpoint " + to + " hears its own region only");
    }
    sim.network().healRegions();
    everyoneToEveryone(sim, nodes);
    sim.runUntil(200 * MS);
    assertEquals(2 + 5, nodes[0].got.size(), "after healing, every link carries again");
  }

  @Test
  void regionPartition_messagesInFlightAcrossTheCutAreDropped() {
    Probe[] nodes = new Probe[6];
    Simulation sim = cluster(nodes);
    sim.after(0, () -> nodes[0].ctx.send(2, "x"));
    sim.at(10 * MS, () -> sim.network().cutRegion(0));
    sim.runUntil(100 * MS);
    assertTrue(nodes[2].got.isEmpty());
  }

  @Test
  void degradedRegionLink_addsLossAndDelayBetweenThoseRegionsOnly() {
    Probe[] nodes = new Probe[6];
    Simulation sim = cluster(nodes);
    sim.network().degradeRegions(0, 1, 0, new Latency.Fixed(100 * MS));
    everyoneToEveryone(sim, nodes);
    sim.runUntil(500 * MS);
    for (Probe.Got g : nodes[0].got) {
      boolean across = twoRegions().of(g.from()) != 0;
      assertEquals(across ? 140 * MS : MS, g.time());
    }
  }

  @Test
  void clients_startAtAServerOfTheirRegion() {
    Probe[] nodes = new Probe[6];
    Simulation sim = cluster(nodes);
    assertArrayEquals(new int[] {0, 1}, nodes[4].ctx.nearbyServers());
    assertArrayEquals(new int[] {2, 3}, nodes[5].ctx.nearbyServers());
    assertEquals(1, nodes[5].ctx.region());
    assertEquals(-1, new madjep.sim.testing.Cluster(2, 3).nodes[0].ctx.region());
  }
}
