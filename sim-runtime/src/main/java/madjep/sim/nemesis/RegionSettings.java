package madjep.sim.nemesis;

import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.Regions;

/**
 * A cluster spread over regions (a WAN), and how hard region faults hit it. With no region names (the default) the
 * cluster is in one place and region faults do nothing.
 *
 * @param names the regions, such as {@code us-east}
 * @param nodes the region of each server, in order (n1 first); {@code spread} (an empty list) deals servers out to
 *     the regions in turn
 * @param clients the region of each client, in order; {@code spread} (an empty list) deals them out in turn
 * @param rtt round-trip times between regions: {@code "us-east eu-west 81ms"}, one for every pair
 * @param jitter how far a one-way delay strays from half the round trip, as a share (0.1: plus or minus 10%)
 * @param degradeLoss while a {@code region} fault degrades a link: the extra loss rate
 * @param degradeDelay while a {@code region} fault degrades a link: the extra one-way delay
 */
public record RegionSettings(
    List<String> names,
    List<String> nodes,
    List<String> clients,
    List<String> rtt,
    double jitter,
    double degradeLoss,
    Latency degradeDelay) {

  public RegionSettings {
    names = List.copyOf(names);
    nodes = List.copyOf(nodes);
    clients = List.copyOf(clients);
    rtt = List.copyOf(rtt);
    if (!(jitter >= 0 && jitter < 1) || !(degradeLoss >= 0 && degradeLoss <= 1)) {
      throw new IllegalArgumentException("expected a region jitter from 0 to below 1 and a degrade loss from 0 to 1");
    }
    if (names.size() != new java.util.TreeSet<>(names).size()) {
      throw new IllegalArgumentException("expected distinct region names, found " + names);
    }
    for (String n : nodes) {
      index(names, n);
    }
    for (String c : clients) {
      index(names, c);
    }
    roundTrips(names, rtt);
  }

  /** One place: no regions. */
  public static RegionSettings none() {
    return new RegionSettings(List.of(), List.of(), List.of(), List.of(), 0.1, 0.2,
        new Latency.Uniform(Durations.ms(50), Durations.ms(200)));
  }

  /**
   * Three AWS regions with their published average round trips: us-east-1 to eu-west-1 81 ms, to ap-southeast-1
   * 217 ms, eu-west-1 to ap-southeast-1 239 ms ("Latency Between AWS Global Regions", 2017).
   */
  public static RegionSettings aws3() {
    return none().withRegions(List.of("us-east", "eu-west", "ap-southeast"),
        List.of("us-east eu-west 81ms", "us-east ap-southeast 217ms", "eu-west ap-southeast 239ms"));
  }

  public RegionSettings withRegions(List<String> regionNames, List<String> roundTrips) {
    return new RegionSettings(regionNames, List.of(), List.of(), roundTrips, jitter, degradeLoss, degradeDelay);
  }

  public RegionSettings withPlacement(List<String> nodePlacement, List<String> clientPlacement) {
    return new RegionSettings(names, nodePlacement, clientPlacement, rtt, jitter, degradeLoss, degradeDelay);
  }

  public RegionSettings withDegrade(double loss, Latency delay) {
    return new RegionSettings(names, nodes, clients, rtt, jitter, loss, delay);
  }

  public RegionSettings withJitter(double j) {
    return new RegionSettings(names, nodes, clients, rtt, j, degradeLoss, degradeDelay);
  }

  public boolean enabled() {
    return !names.isEmpty();
  }

  private static int index(List<String> names, String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("expected a region of " + names + ", found '" + name + "'");
    }
    return i;
  }

  /** Round trips by pair, read from {@code "A B 80ms"} lines; every pair must have one. */
  private static long[] roundTrips(List<String> names, List<String> rtt) {
    int r = names.size();
    long[] out = new long[r * r];
    for (String line : rtt) {
      String[] w = line.trim().split("\\s+");
      if (w.length != 3) {
        throw new IllegalArgumentException("expected a round trip such as 'us-east eu-west 81ms', found '" + line
            + "'");
      }
      int a = index(names, w[0]);
      int b = index(names, w[1]);
      long t = Durations.parse(w[2]);
      if (a == b || t <= 0) {
        throw new IllegalArgumentException("expected two different regions and a round trip above 0, found '" + line
            + "'");
      }
      out[a * r + b] = t;
      out[b * r + a] = t;
    }
    for (int a = 0; a < r; a++) {
      for (int b = a + 1; b < r; b++) {
        if (out[a * r + b] == 0) {
          throw new IllegalArgumentException("expected a round trip between " + names.get(a) + " and " + names.get(b));
        }
      }
    }
    return out;
  }

  /** Where {@code servers} servers and {@code clients} clients are, or null with no regions. */
  public Regions place(int servers, int clientCount) {
    if (!enabled()) {
      return null;
    }
    int r = names.size();
    if (!nodes.isEmpty() && nodes.size() != servers) {
      throw new IllegalArgumentException("regions.nodes: expected a region for each of the " + servers + " nodes, found "
          + nodes.size());
    }
    if (!clients.isEmpty() && clients.size() != clientCount) {
      throw new IllegalArgumentException("regions.clients: expected a region for each of the " + clientCount
          + " clients, found "
          + clients.size());
    }
    int[] placement = new int[servers + clientCount];
    for (int i = 0; i < servers; i++) {
      placement[i] = nodes.isEmpty() ? i % r : index(names, nodes.get(i));
    }
    for (int c = 0; c < clientCount; c++) {
      placement[servers + c] = clients.isEmpty() ? c % r : index(names, clients.get(c));
    }
    long[] trips = roundTrips(names, rtt);
    Latency[] one = new Latency[r * r];
    for (int a = 0; a < r; a++) {
      for (int b = 0; b < r; b++) {
        if (a != b) {
          long half = trips[a * r + b] / 2;
          long spread = Math.round(half * jitter);
          one[a * r + b] = new Latency.Uniform(half - spread, half + spread);
        }
      }
    }
    return new Regions(names, placement, one);
  }
}
