package madjep.sim;

import java.util.Arrays;
import java.util.List;

/**
 * Where endpoints are: named regions, each endpoint (servers, then clients) placed in one, and the one-way latency
 * between every two regions (within a region, the network's ordinary latencies apply). Give it to {@link
 * Simulation#setRegions} before {@link Simulation#start()}.
 *
 * @param names the regions' names
 * @param placement the region of each endpoint: servers {@code 0..servers-1} first, then clients
 * @param latency one-way latency from region {@code a} to region {@code b} at {@code a * names.size() + b}; the
 *     diagonal is ignored
 */
public record Regions(List<String> names, int[] placement, Latency[] latency) {
  public Regions {
    names = List.copyOf(names);
    placement = placement.clone();
    latency = latency.clone();
    int r = names.size();
    if (r < 1 || latency.length != r * r) {
      throw new IllegalArgumentException("expected a latency for every pair of " + r + " regions");
    }
    for (int p : placement) {
      if (p < 0 || p >= r) {
        throw new IllegalArgumentException("expected a region 0.." + (r - 1) + ", found " + p);
      }
    }
    for (int a = 0; a < r; a++) {
      for (int b = 0; b < r; b++) {
        if (a != b && latency[a * r + b] == null) {
          throw new IllegalArgumentException("no latency between regions " + names.get(a) + " and " + names.get(b));
        }
      }
    }
  }

  public int count() {
    return names.size();
  }

  /** The region of endpoint {@code id}. */
  public int of(int id) {
    return placement[id];
  }

  /** The servers (ids below {@code servers}) placed in region {@code r}, in id order. */
  public int[] servers(int r, int servers) {
    int[] out = new int[servers];
    int k = 0;
    for (int i = 0; i < servers && i < placement.length; i++) {
      if (placement[i] == r) {
        out[k++] = i;
      }
    }
    return Arrays.copyOf(out, k);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Regions x && names.equals(x.names) && Arrays.equals(placement, x.placement)
        && Arrays.equals(latency, x.latency);
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + Arrays.hashCode(placement);
  }

  @Override
  public String toString() {
    return "Regions" + names + Arrays.toString(placement);
  }
}
