package madjep.linear;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Keyword;

/**
 * Linearizability by trying every order: written to be obviously right, not fast. It shares nothing with the
 * checker but the models' {@code step}: it pairs ops itself, keeps one model state per key in a map, and places ops
 * one at a time in every order real time allows, leaving crashed ops out or putting them anywhere after their
 * invocation.
 */
final class BruteForceOracle {
  /** An op as the oracle sees it. */
  private record Op(int call, int ret, boolean required, Object key, Keyword f, Object value) {}

  private static final Keyword KEY = Keyword.of("key");

  private final Model model;
  private final List<Op> ops = new ArrayList<>();
  private long orders;
  /** Null: try every order. Else configurations (placed ops, states) already known to lead nowhere. */
  private java.util.Set<List<Object>> failed;
  private long budget = Long.MAX_VALUE;

  /**
   * @param keyed "kv": a model whose state is per {@code :key}; else one state for the whole history
   * @param independent values are [key value] tuples: one state per key
   */
  private BruteForceOracle(History h, Model model, boolean independent, boolean keyed) {
    this(h, model, independent, keyed, false);
  }

  /** With {@code byTime}, op y must precede x exactly when y returned at a time strictly before x was called. */
  private BruteForceOracle(History h, Model model, boolean independent, boolean keyed, boolean byTime) {
    this.model = model;
    for (int i = 0; i < h.size(); i++) {
      if (h.type(i) != madjep.history.OpType.INVOKE || h.process(i) < 0) {
        continue;
      }
      // The completion is the next op of the same process.
      int done = -1;
      for (int j = i + 1; j < h.size(); j++) {
        if (h.process(j) == h.process(i)) {
          done = j;
          break;
        }
      }
      if (done >= 0 && h.isFail(done)) {
        continue; // a failed op did not happen
      }
      boolean ok = done >= 0 && h.isOk(done);
      Object value = Values.canonical(ok ? h.value(done) : h.value(i));
      Object key = null;
      if (independent) {
        List<?> tuple = (List<?>) value;
        key = tuple.get(0);
        value = tuple.get(1);
      }
      if (keyed) {
        key = List.of(String.valueOf(key), String.valueOf(h.extra(i, KEY)));
      }
      int call = byTime ? (int) h.time(i) : i;
      int ret = !ok ? Integer.MAX_VALUE : byTime ? (int) h.time(done) : done;
      ops.add(new Op(call, ret, ok, key, h.f(i), value));
    }
  }

  /** True when some order of the ops, consistent with real time, is legal for the model. */
  static boolean linearizable(History h, Model model, boolean independent, boolean keyed) {
    BruteForceOracle o = new BruteForceOracle(h, model, independent, keyed);
    return o.search(new boolean[o.ops.size()], new HashMap<>());
  }

  /** As {@link #linearizable}, with real time read from {@code :time} as closed intervals. */
  static boolean linearizableByTime(History h, Model model, boolean independent, boolean keyed) {
    BruteForceOracle o = new BruteForceOracle(h, model, independent, keyed, true);
    return o.search(new boolean[o.ops.size()], new HashMap<>());
  }

  /**
   * As {@link #linearizable}, for larger histories: remembers configurations (placed ops, states) that led
   * nowhere, and gives up (null) after placing {@code budget} ops.
   */
  static Boolean linearizableWithin(History h, Model model, boolean independent, boolean keyed, long budget) {
    BruteForceOracle o = new BruteForceOracle(h, model, independent, keyed);
    o.failed = new java.util.HashSet<>();
    o.budget = budget;
    try {
      return o.search(new boolean[o.ops.size()], new HashMap<>());
    } catch (OutOfBudget e) {
      return null;
    }
  }

  private static final class OutOfBudget extends RuntimeException {
    OutOfBudget() {
      super(null, null, false, false);
    }
  }

  private boolean search(boolean[] placed, Map<Object, Object> states) {
    if (orders > budget) {
      throw new OutOfBudget();
    }
    List<Object> config = null;
    if (failed != null) {
      config = List.of(java.util.Arrays.toString(placed), new HashMap<>(states));
      if (failed.contains(config)) {
        return false;
      }
    }
    boolean found = searchFrom(placed, states);
    if (!found && failed != null) {
      failed.add(config);
    }
    return found;
  }

  private boolean searchFrom(boolean[] placed, Map<Object, Object> states) {
    boolean allRequiredPlaced = true;
    for (int k = 0; k < ops.size(); k++) {
      if (ops.get(k).required() && !placed[k]) {
        allRequiredPlaced = false;
      }
    }
    if (allRequiredPlaced) {
      return true;
    }
    for (int x = 0; x < ops.size(); x++) {
      if (placed[x] || !mayGoNext(x, placed)) {
        continue;
      }
      Op op = ops.get(x);
      Object before = states.containsKey(op.key()) ? states.get(op.key()) : model.initialState();
      Object after = model.step(before, op.f(), op.value());
      if (after == Model.INCONSISTENT) {
        continue;
      }
      orders++;
      Map<Object, Object> nextStates = new HashMap<>(states);
      nextStates.put(op.key(), after);
      placed[x] = true;
      boolean found = search(placed, nextStates);
      placed[x] = false;
      if (found) {
        return true;
      }
    }
    return false;
  }

  /** Op x may go next unless an op not yet placed returned before x was invoked. */
  private boolean mayGoNext(int x, boolean[] placed) {
    for (int y = 0; y < ops.size(); y++) {
      if (y != x && !placed[y] && ops.get(y).ret() < ops.get(x).call()) {
        return false;
      }
    }
    return true;
  }
}
