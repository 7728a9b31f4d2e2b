package madjep.txn.graph;

import java.util.Arrays;

/**
 * A directed graph over vertices 0..n-1 in compressed sparse rows: the out-edges of v are {@code target[offset[v]] ..
 * target[offset[v + 1] - 1]}, each with a relationship bitmask {@link Rels}. At most one edge per ordered pair.
 */
public final class Digraph {
  final int n;
  final int[] offset;
  final int[] target;
  final byte[] rels;

  Digraph(int n, int[] offset, int[] target, byte[] rels) {
    this.n = n;
    this.offset = offset;
    this.target = target;
    this.rels = rels;
  }

  public int size() {
    return n;
  }

  public int edgeCount() {
    return offset[n];
  }

  public int start(int v) {
    return offset[v];
  }

  public int end(int v) {
    return offset[v + 1];
  }

  public int target(int e) {
    return target[e];
  }

  public int rels(int e) {
    return rels[e];
  }

  /** Collects edges (duplicates merge their relationships) and builds a {@link Digraph}. */
  public static final class Builder {
    private final int n;
    private int[] src;
    private int[] dst;
    private byte[] rel;
    private int m;

    public Builder(int n) {
      this(n, 1024);
    }

    public Builder(int n, int expectedEdges) {
      this.n = n;
      int c = Math.max(16, expectedEdges);
      src = new int[c];
      dst = new int[c];
      rel = new byte[c];
    }

    /** Adds a -> b with relationship bits r; self-edges are dropped. */
    public void add(int a, int b, int r) {
      if (a == b) {
        return;
      }
      if (m == src.length) {
        int c = m * 2;
        src = Arrays.copyOf(src, c);
        dst = Arrays.copyOf(dst, c);
        rel = Arrays.copyOf(rel, c);
      }
      src[m] = a;
      dst[m] = b;
      rel[m] = (byte) r;
      m++;
    }

    public int edgeCount() {
      return m;
    }

    public Digraph build() {
      int[] count = new int[n + 1];
      for (int i = 0; i < m; i++) {
        count[src[i] + 1]++;
      }
      for (int v = 0; v < n; v++) {
        count[v + 1] += count[v];
      }
      int[] fill = Arrays.copyOf(count, n);
      int[] t = new int[m];
      byte[] r = new byte[m];
      for (int i = 0; i < m; i++) {
        int p = fill[src[i]]++;
        t[p] = dst[i];
        r[p] = rel[i];
      }
      src = null;
      dst = null;
      rel = null;
      // Merge duplicate targets per source, keeping first-seen order.
      int[] slot = new int[n];
      Arrays.fill(slot, -1);
      int[] offset = new int[n + 1];
      int w = 0;
      for (int v = 0; v < n; v++) {
        offset[v] = w;
        for (int e = count[v]; e < count[v + 1]; e++) {
          int b = t[e];
          int s = slot[b];
          if (s >= offset[v]) {
            r[s] |= r[e];
          } else {
            slot[b] = w;
            t[w] = b;
            r[w] = r[e];
            w++;
          }
        }
      }
      offset[n] = w;
      return new Digraph(n, offset, Arrays.copyOf(t, w), Arrays.copyOf(r, w));
    }
  }
}
