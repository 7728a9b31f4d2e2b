package madjep.report;

import java.util.Arrays;
import madjep.history.History;
import madjep.history.IntByProcess;

/**
 * Client ops as intervals on the axis, one per invocation, in invocation order: flat arrays, since a history may
 * hold millions. Lanes are Jepsen's client threads: a process keeps its lane, and a new process (one that replaced
 * a crashed one) takes the lowest lane free at its first invocation, so the number of lanes is the peak
 * concurrency, not the number of processes.
 */
final class Intervals {
  static final byte OK = 0;
  static final byte FAIL = 1;
  /** Crashed: completed with {@code :info}, or never completed. */
  static final byte INFO = 2;

  final int size;
  /** Position of the invocation. */
  final int[] invoke;
  /** Position of the completion, or -1. */
  final int[] complete;
  final long[] start;
  final long[] end;
  final byte[] outcome;
  private final History h;

  Intervals(History h, Axis axis) {
    this.h = h;
    int n = 0;
    for (int i = 0; i < h.size(); i++) {
      if (h.isClient(i) && h.isInvoke(i)) {
        n++;
      }
    }
    size = n;
    invoke = new int[n];
    complete = new int[n];
    start = new long[n];
    end = new long[n];
    outcome = new byte[n];
    int k = 0;
    for (int i = 0; i < h.size(); i++) {
      if (!h.isClient(i) || !h.isInvoke(i)) {
        continue;
      }
      int c = h.pair(i);
      invoke[k] = i;
      complete[k] = c;
      start[k] = axis.at(i);
      end[k] = c >= 0 ? Math.max(start[k], axis.at(c)) : axis.span;
      outcome[k] = c < 0 || h.isInfo(c) ? INFO : h.isOk(c) ? OK : FAIL;
      k++;
    }
  }

  /**
   * The interval of the op at history position {@code position} (its invocation or its completion), or -1 for a
   * position of no client op. Searched, not kept per position: only a result that marks ops asks, and an array over
   * a simulated hour's 5 million positions was 20 MB more for the collector to copy as the run ends.
   */
  int ofPosition(int position) {
    int i = h.isInvoke(position) ? position : h.pair(position);
    if (i < 0) {
      return -1;
    }
    int k = Arrays.binarySearch(invoke, i);
    return k >= 0 ? k : -1;
  }

  /**
   * Lanes for the intervals {@code ids} (ascending): {@code lane[j]} for {@code ids[j]}; the number of lanes is the
   * largest lane + 1.
   */
  int[] lanes(History h, int[] ids) {
    int[] lane = new int[ids.length];
    long[] busyUntil = new long[8];
    int[] owner = new int[8];
    boolean[] retired = new boolean[8];
    int lanes = 0;
    IntByProcess laneOf = new IntByProcess(); // each process's last lane
    for (int j = 0; j < ids.length; j++) {
      int id = ids[j];
      int process = h.process(invoke[id]);
      long s = start[id];
      int l = laneOf.get(process);
      if (l >= 0 && busyUntil[l] > s && owner[l] != process) {
        l = -1;
      }
      if (l < 0) {
        // A free lane whose process retired (crashed) first; else the free lane idle the longest, so that a
        // process that is only between two ops is the last to lose its lane; else a new lane.
        for (int x = 0; x < lanes && l < 0; x++) {
          if (busyUntil[x] <= s && retired[x]) {
            l = x;
          }
        }
        if (l < 0) {
          for (int x = 0; x < lanes; x++) {
            if (busyUntil[x] <= s && (l < 0 || busyUntil[x] < busyUntil[l])) {
              l = x;
            }
          }
        }
        if (l < 0) {
          l = lanes++;
          if (l == busyUntil.length) {
            busyUntil = Arrays.copyOf(busyUntil, l * 2);
            owner = Arrays.copyOf(owner, l * 2);
            retired = Arrays.copyOf(retired, l * 2);
          }
        }
        laneOf.put(process, l);
      }
      lane[j] = l;
      owner[l] = process;
      busyUntil[l] = Math.max(end[id], s) + (end[id] == s ? 1 : 0);
      retired[l] = outcome[id] == INFO;
    }
    return lane;
  }

  /** Every interval's id, 0 .. size-1. */
  int[] all() {
    int[] ids = new int[size];
    for (int i = 0; i < size; i++) {
      ids[i] = i;
    }
    return ids;
  }
}
