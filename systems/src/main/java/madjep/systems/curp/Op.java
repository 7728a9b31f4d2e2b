package madjep.systems.curp;

import java.util.Arrays;

/**
 * What a command does to the key-value state, etcd-style. Two ops conflict when they share a key and at least one
 * of them writes it: witnesses keep only commands that commute with everything they hold, and a leader executes a
 * command speculatively only when nothing before it in the log that is not yet applied touches its keys.
 */
sealed interface Op {
  /** The keys the op reads or writes, sorted and distinct. */
  long[] keys();

  /** True when the op may change the state (a guard or compare that fails leaves it unchanged). */
  boolean writes();

  /** True when the two ops do not commute. */
  static boolean conflict(Op a, Op b) {
    if (!a.writes() && !b.writes()) {
      return false;
    }
    long[] x = a.keys();
    long[] y = b.keys();
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        return true;
      }
      if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /** The sorted distinct keys of {@code ks}. */
  static long[] distinct(long[] ks) {
    long[] s = ks.clone();
    Arrays.sort(s);
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        s[n++] = s[i];
      }
    }
    return n == s.length ? s : Arrays.copyOf(s, n);
  }

  /** Reads keys with their values and mod-revisions (etcd's range; a register read is one key). */
  record Get(long[] keys) implements Op {
    @Override
    public boolean writes() {
      return false;
    }
  }

  /** Writes a register. */
  record Put(long key, long value) implements Op {
    @Override
    public long[] keys() {
      return new long[] {key};
    }

    @Override
    public boolean writes() {
      return true;
    }
  }

  /** Writes {@code value} when the register holds {@code expect}. */
  record Cas(long key, long expect, long value) implements Op {
    @Override
    public long[] keys() {
      return new long[] {key};
    }

    @Override
    public boolean writes() {
      return true;
    }
  }

  /**
   * Elle's list-append transaction run on the server as one command: {@code mops} holds triples (0 read or 1 append,
   * key, value), in order.
   */
  record ListTxn(long[] mops, long[] keys, boolean writes) implements Op {
    static ListTxn of(long[] mops) {
      long[] ks = new long[mops.length / 3];
      boolean w = false;
      for (int i = 0; i < ks.length; i++) {
        ks[i] = mops[3 * i + 1];
        w |= mops[3 * i] == 1;
      }
      return new ListTxn(mops, distinct(ks), w);
    }
  }

  /**
   * An etcd transaction: if every {@code cmpKeys[i]} still has mod-revision {@code cmpRevs[i]} (0: absent), put each
   * {@code putKeys[i]} to the list {@code putValues[i]}; else change nothing.
   */
  record Guarded(long[] cmpKeys, long[] cmpRevs, long[] putKeys, long[][] putValues, long[] keys) implements Op {
    static Guarded of(long[] cmpKeys, long[] cmpRevs, long[] putKeys, long[][] putValues) {
      long[] all = Arrays.copyOf(cmpKeys, cmpKeys.length + putKeys.length);
      System.arraycopy(putKeys, 0, all, cmpKeys.length, putKeys.length);
      return new Guarded(cmpKeys, cmpRevs, putKeys, putValues, distinct(all));
    }

    @Override
    public boolean writes() {
      return putKeys.length > 0;
    }
  }
}
