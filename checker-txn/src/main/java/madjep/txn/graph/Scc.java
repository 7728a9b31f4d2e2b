package madjep.txn.graph;

import java.util.Arrays;

/**
 * Strongly connected components by Tarjan's algorithm, iteratively (an explicit stack, so depth is no limit), over
 * the edges of a CSR graph whose relationships intersect a mask. Components are numbered in the order Tarjan
 * completes them.
 */
public final class Scc {
  /** Component of each vertex. */
  public final int[] component;
  /** Number of components. */
  public final int count;
  /** Size of each component. */
  public final int[] sizes;

  private Scc(int[] component, int count, int[] sizes) {
    this.component = component;
    this.count = count;
    this.sizes = sizes;
  }

  /** Components of the graph using only edges whose relationship bits intersect {@code mask}. */
  public static Scc of(int n, int[] offset, int[] target, byte[] rels, int mask) {
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int[] low = new int[n];
    int[] comp = new int[n];
    int[] stack = new int[n];
    boolean[] onStack = new boolean[n];
    int[] callV = new int[n];
    int[] callE = new int[n];
    int sp = 0;
    int next = 0;
    int count = 0;
    int[] sizes = new int[16];
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callV[0] = root;
      callE[0] = offset[root];
      index[root] = low[root] = next++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callV[depth];
        int e = callE[depth];
        int end = offset[v + 1];
        boolean descended = false;
        while (e < end) {
          int w = target[e];
          int r = rels[e];
          e++;
          if ((r & mask) == 0) {
            continue;
          }
          if (index[w] < 0) {
            callE[depth] = e;
            depth++;
            callV[depth] = w;
            callE[depth] = offset[w];
            index[w] = low[w] = next++;
            stack[sp++] = w;
            onStack[w] = true;
            descended = true;
            break;
          } else if (onStack[w] && index[w] < low[v]) {
            low[v] = index[w];
          }
        }
        if (descended) {
          continue;
        }
        if (low[v] == index[v]) {
          int size = 0;
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            comp[w] = count;
            size++;
          } while (w != v);
          if (count == sizes.length) {
            sizes = Arrays.copyOf(sizes, count * 2);
          }
          sizes[count++] = size;
        }
        depth--;
        if (depth >= 0) {
          int parent = callV[depth];
          if (low[v] < low[parent]) {
            low[parent] = low[v];
          }
        }
      }
    }
    return new Scc(comp, count, Arrays.copyOf(sizes, count));
  }

  /** Components of a {@link Digraph} restricted to edges intersecting {@code mask}. */
  public static Scc of(Digraph g, int mask) {
    return of(g.n, g.offset, g.target, g.rels, mask);
  }
}
