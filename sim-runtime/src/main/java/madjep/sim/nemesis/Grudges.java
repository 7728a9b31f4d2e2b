package madjep.sim.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Jepsen's partition shapes as grudges: {@code grudge[a]} lists the nodes whose messages {@code a} drops. Built
 * from the nemesis's stream, never from hash order.
 */
public final class Grudges {
  private Grudges() {}

  /** Nodes {@code 0..n-1} in a random order. */
  static int[] shuffled(int n, SplittableRandom rng) {
    return madjep.sim.Streams.shuffled(n, rng);
  }

  /** Every node cut from every node of the other groups, both ways. */
  public static boolean[][] groups(int n, List<int[]> groups) {
    boolean[][] g = new boolean[n][n];
    int[] groupOf = new int[n];
    java.util.Arrays.fill(groupOf, -1);
    for (int k = 0; k < groups.size(); k++) {
      for (int node : groups.get(k)) {
        groupOf[node] = k;
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        g[a][b] = a != b && groupOf[a] != groupOf[b];
      }
    }
    return g;
  }

  /** Two random halves (the smaller first), cut both ways: Jepsen's {@code partition-random-halves}. */
  public static List<int[]> randomHalves(int n, SplittableRandom rng) {
    int[] s = shuffled(n, rng);
    int small = n / 2;
    List<int[]> out = new ArrayList<>();
    out.add(java.util.Arrays.copyOfRange(s, 0, small));
    out.add(java.util.Arrays.copyOfRange(s, small, n));
    return out;
  }

  /** One random node (or {@code node} when >= 0) alone: {@code partition-random-node}. */
  public static List<int[]> isolateOne(int n, int node, SplittableRandom rng) {
    int x = node >= 0 ? node : rng.nextInt(n);
    int[] rest = new int[n - 1];
    for (int i = 0, k = 0; i < n; i++) {
      if (i != x) {
        rest[k++] = i;
      }
    }
    return List.of(new int[] {x}, rest);
  }

  /** {@code node} (a random node when < 0) and a random minority around it, cut from the rest. */
  public static List<int[]> withMinority(int n, int node, SplittableRandom rng) {
    int[] s = shuffled(n, rng);
    int x = node >= 0 ? node : s[0];
    int size = Math.max(1, (n - 1) / 2);
    int[] side = new int[size];
    int[] rest = new int[n - size];
    side[0] = x;
    int a = 1;
    int b = 0;
    for (int v : s) {
      if (v == x) {
        continue;
      }
      if (a < size) {
        side[a++] = v;
      } else {
        rest[b++] = v;
      }
    }
    return List.of(side, rest);
  }

  /**
   * Jepsen's majorities ring: nodes in a random ring each see only their {@code n/2} nearest neighbours on either
   * side, so every node sees a majority and no two see the same one.
   */
  public static boolean[][] majoritiesRing(int n, SplittableRandom rng) {
    int[] ring = shuffled(n, rng);
    int reach = n / 2 / 2 + (n / 2) % 2;
    boolean[][] g = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int d = Math.abs(i - j);
        d = Math.min(d, n - d);
        g[ring[i]][ring[j]] = d > reach;
      }
    }
    return g;
  }

  /** Two halves that cannot talk, and one node (the bridge) that talks to both: Jepsen's {@code bridge}. */
  public static boolean[][] bridge(int n, SplittableRandom rng) {
    int[] s = shuffled(n, rng);
    int bridgeNode = s[n / 2];
    boolean[][] g = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int a = s[i];
        int b = s[j];
        boolean sameSide = (i < n / 2) == (j < n / 2);
        g[a][b] = a != b && a != bridgeNode && b != bridgeNode && !sameSide;
      }
    }
    return g;
  }

  /** Every node but {@code x}. */
  public static int[] others(int n, int x) {
    int[] rest = new int[n - 1];
    for (int i = 0, k = 0; i < n; i++) {
      if (i != x) {
        rest[k++] = i;
      }
    }
    return rest;
  }

  /** A random minority of random size (1 to (n-1)/2 nodes) cut from the rest, both ways. */
  public static List<int[]> randomMinority(int n, SplittableRandom rng) {
    int[] s = shuffled(n, rng);
    int size = 1 + rng.nextInt(Math.max(1, (n - 1) / 2));
    int[] side = java.util.Arrays.copyOf(s, size);
    java.util.Arrays.sort(side);
    int[] rest = java.util.Arrays.copyOfRange(s, size, n);
    java.util.Arrays.sort(rest);
    return List.of(side, rest);
  }

  /** Messages from {@code from} to {@code to} are dropped; the other direction still flows. */
  public static boolean[][] oneWay(int n, int[] from, int[] to) {
    boolean[][] g = new boolean[n][n];
    for (int a : from) {
      for (int b : to) {
        g[b][a] = a != b;
      }
    }
    return g;
  }
}
