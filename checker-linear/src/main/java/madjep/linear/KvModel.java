package madjep.linear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.Arrays;
import madjep.history.edn.Symbol;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/**
 * Porcupine's kv model: a string per key; {@code :get} returns it, {@code :put} replaces it, {@code :append}
 * appends to it. The key is the op's {@code :key} (as in Porcupine's kv files); ops without one share one key.
 * Histories are checked key by key. A {@code :get} of {@code nil} is an unknown read.
 */
final class KvModel implements CompiledModel {
  static final Keyword GET = Keyword.of("get");
  static final Keyword PUT = Keyword.of("put");
  static final Keyword APPEND = Keyword.of("append");
  static final Keyword KEY = Keyword.of("key");

  private final String initial;

  KvModel(String initial) {
    this.initial = initial;
  }

  @Override
  public String name() {
    return "kv";
  }

  @Override
  public Object initialState() {
    return initial;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    if (f == GET) {
      return value == null || value.equals(state) ? state : INCONSISTENT;
    }
    if (f == PUT) {
      return value;
    }
    return (String) state + value;
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    if (f != GET && f != PUT && f != APPEND) {
      return Values.unknownFunction(f, ":get, :put or :append");
    }
    if (value instanceof String || (value == null && f == GET)) {
      return null;
    }
    return Values.expected(f == GET ? "a string or nil" : "a string", value);
  }

  @Override
  public boolean readOnly(Keyword f, Object value) {
    return f == GET;
  }

  @Override
  public Collection<?> partitionKeys(History history, int invoke, Object value) {
    Object key = history.extra(invoke, KEY);
    if (key == null && history.pair(invoke) >= 0) {
      key = history.extra(history.pair(invoke), KEY);
    }
    return Collections.singletonList(key);
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    return (f == GET ? "got " : f == PUT ? "put " : "appended ") + Edn.print(value);
  }

  @Override
  public String describeStates(Collection<?> states) {
    List<Object> shown = new ArrayList<>();
    boolean unread = false;
    for (Object st : states) {
      if (st == UNREAD) {
        unread = true;
      } else {
        shown.add(st);
      }
    }
    if (unread) {
      shown.add(new Symbol("<a value no get in this key returns>"));
    }
    return "the value at " + Model.orList(shown);
  }

  @Override
  public Stepper compile(Keyword[] f, Object[] value) {
    return new KvStepper(f, value);
  }

  /** What a compiled kv state decodes to when the string is no prefix of any get's value (see KvStepper). */
  static final Keyword UNREAD = Keyword.of("unread");

  /**
   * States without strings. Only prefixes of the values that gets return can ever be read again (strings only grow
   * until a put), so every other string is one state, "unread": gets of a value fail and appends keep it unread,
   * exactly as for the strings it stands for. The rest are prefixes of get values: with the distinct get values
   * sorted, a prefix {@code p} is {@code (first index whose value starts with p) << 32 | length(p)}, one long per
   * string. An append walks forward from that index using the sorted values' longest common prefixes, comparing
   * only the appended characters; recent (state, append) pairs are remembered per op.
   */
  private final class KvStepper extends Stepper {
    private static final byte GET_ANY = 0;
    private static final byte GET_ONE = 1;
    private static final byte PUT_ONE = 2;
    private static final byte APPEND_ONE = 3;
    private static final long UNREAD_STATE = -2;

    private final byte[] kind;
    private final long[] arg;
    private final String[] appended;
    /** Distinct get values, sorted; lcp[i] = common prefix length of sorted[i - 1] and sorted[i]. */
    private final String[] sorted;
    private final int[] lcp;
    /** A small direct-mapped memo of appends per op: 2^MEMO_BITS (from, to) slots each. */
    private static final int MEMO_BITS = 2;
    private final long[] memoFrom;
    private final long[] memoTo;
    private final long initialState;

    KvStepper(Keyword[] f, Object[] value) {
      int n = f.length;
      kind = new byte[n];
      arg = new long[n];
      appended = new String[n];
      TreeSet<String> gets = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        if (f[i] == GET && value[i] != null) {
          gets.add((String) value[i]);
        }
      }
      sorted = gets.toArray(new String[0]);
      lcp = new int[sorted.length];
      for (int i = 1; i < sorted.length; i++) {
        lcp[i] = commonPrefix(sorted[i - 1], sorted[i]);
      }
      memoFrom = new long[n << MEMO_BITS];
      memoTo = new long[n << MEMO_BITS];
      Arrays.fill(memoFrom, ILLEGAL);
      initialState = encode(initial);
      for (int i = 0; i < n; i++) {
        if (f[i] == GET) {
          kind[i] = value[i] == null ? GET_ANY : GET_ONE;
          arg[i] = value[i] == null ? 0 : encode((String) value[i]);
        } else if (f[i] == PUT) {
          kind[i] = PUT_ONE;
          arg[i] = encode((String) value[i]);
        } else {
          kind[i] = APPEND_ONE;
          appended[i] = (String) value[i];
        }
      }
    }

    private static int commonPrefix(String a, String b) {
      int n = Math.min(a.length(), b.length());
      int i = 0;
      while (i < n && a.charAt(i) == b.charAt(i)) {
        i++;
      }
      return i;
    }

    /** The state of string {@code s}: binary search for the first sorted value starting with it. */
    private long encode(String s) {
      int lo = Arrays.binarySearch(sorted, s);
      if (lo < 0) {
        lo = -lo - 1;
      }
      return lo < sorted.length && sorted[lo].startsWith(s) ? (long) lo << 32 | s.length() : UNREAD_STATE;
    }

    @Override
    long initial() {
      return initialState;
    }

    @Override
    long step(long state, int op) {
      switch (kind[op]) {
        case GET_ANY:
          return state;
        case GET_ONE:
          return arg[op] == state ? state : ILLEGAL;
        case PUT_ONE:
          return arg[op];
        default:
          if (state == UNREAD_STATE) {
            return UNREAD_STATE;
          }
          int slot = op << MEMO_BITS | (int) ((state * 0x9E3779B97F4A7C15L) >>> (64 - MEMO_BITS));
          if (memoFrom[slot] == state) {
            return memoTo[slot];
          }
          long next = append(state, appended[op]);
          memoFrom[slot] = state;
          memoTo[slot] = next;
          return next;
      }
    }

    /** The state of (string of {@code state}) + {@code v}. */
    private long append(long state, String v) {
      int lo = (int) (state >>> 32);
      int len = (int) state;
      int end = len + v.length();
      // Values starting with the state's string are sorted[lo..], as long as the common prefix stays >= len.
      for (int i = lo; i < sorted.length; i++) {
        if (i > lo && lcp[i] < len) {
          break;
        }
        String g = sorted[i];
        if (g.length() >= end && g.startsWith(v, len)) {
          return (long) i << 32 | end;
        }
      }
      return UNREAD_STATE;
    }

    @Override
    boolean readOnly(int op) {
      return kind[op] <= GET_ONE;
    }

    @Override
    Object decode(long state) {
      return state == UNREAD_STATE ? UNREAD : sorted[(int) (state >>> 32)].substring(0, (int) state);
    }
  }
}
