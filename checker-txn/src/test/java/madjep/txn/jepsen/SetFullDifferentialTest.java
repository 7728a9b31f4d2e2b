package madjep.txn.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

/**
 * set-full's index-walking algorithm against Jepsen's fold, written out naively: every {@code :ok} read updates every
 * element that exists when it completes (O(reads * elements)).
 */
class SetFullDifferentialTest {
  static final int HISTORIES = 4000;

  /** Element number {@code e} in one of the shapes histories use: compact or sparse integers, strings, pairs. */
  static Object element(int shape, long e) {
    return switch (shape) {
      case 0 -> EdnParser.box(e);
      case 1 -> EdnParser.box(e * 1_000_003L - 500);
      case 2 -> "e" + e;
      default -> EdnVector.of(EdnParser.box(0), EdnParser.box(e));
    };
  }

  static History generate(SplittableRandom rnd) {
    int shape = rnd.nextInt(4);
    int processes = 1 + rnd.nextInt(4);
    int steps = 2 + rnd.nextInt(40);
    List<Op> ops = new ArrayList<>();
    boolean[] busy = new boolean[processes];
    Keyword[] pendingF = new Keyword[processes];
    Object[] pendingValue = new Object[processes];
    List<Long> added = new ArrayList<>();
    long time = 0;
    long next = 0;
    for (int s = 0; s < steps; s++) {
      int p = rnd.nextInt(processes);
      time += rnd.nextInt(3) * 1_000_000L + rnd.nextInt(1000);
      if (!busy[p]) {
        busy[p] = true;
        if (rnd.nextInt(5) < 2) {
          // now and then re-add an element, which restarts its timeline
          long e = !added.isEmpty() && rnd.nextInt(8) == 0 ? added.get(rnd.nextInt(added.size())) : next++;
          added.add(e);
          pendingF[p] = Keyword.of("add");
          pendingValue[p] = element(shape, e);
        } else {
          pendingF[p] = Keyword.of("read");
          pendingValue[p] = null;
        }
        ops.add(new Op(-1, time, OpType.INVOKE, EdnParser.box(p), pendingF[p], pendingValue[p], null, Map.of()));
      } else {
        busy[p] = false;
        int t = rnd.nextInt(10);
        OpType type = t < 7 ? OpType.OK : t < 9 ? OpType.FAIL : OpType.INFO;
        Object value = pendingValue[p];
        if (pendingF[p].name().equals("read") && type == OpType.OK) {
          List<Object> seen = new ArrayList<>();
          for (long e : new HashSet<>(added)) {
            if (rnd.nextInt(4) != 0) {
              seen.add(element(shape, e));
            }
          }
          if (rnd.nextInt(15) == 0) {
            seen.add(element(shape, 100 + rnd.nextInt(3)));
          }
          if (!seen.isEmpty() && rnd.nextInt(20) == 0) {
            seen.add(seen.get(0));
          }
          value = EdnVector.copyOf(seen);
        }
        ops.add(new Op(-1, time, type, EdnParser.box(p), pendingF[p], value, null, Map.of()));
      }
    }
    return History.of("<random>", ops);
  }

  /** Jepsen's fold, per op in order, with this checker's rule that failed adds did not happen. */
  static String oracle(History h) {
    final class State {
      int known = -1;
      int lastPresent = -1;
      int lastAbsent = -1;
    }
    LinkedHashMap<Object, State> elements = new LinkedHashMap<>();
    Set<Object> attempted = new HashSet<>();
    Map<Object, Integer> dups = new HashMap<>();
    Set<Object> read = new HashSet<>();
    for (int i = 0; i < h.size(); i++) {
      String f = h.f(i).name();
      boolean failed = h.pair(i) >= 0 && h.isFail(h.pair(i));
      if (f.equals("add") && h.isInvoke(i) && !failed) {
        elements.put(h.value(i), new State());
        attempted.add(h.value(i));
      } else if (f.equals("add") && h.isOk(i)) {
        State st = elements.get(h.value(h.pair(i)));
        if (st != null && st.known < 0) {
          st.known = i;
        }
      } else if (f.equals("read") && h.isOk(i)) {
        int inv = h.pair(i);
        Collection<?> v = (Collection<?>) h.value(i);
        Map<Object, Integer> freq = new HashMap<>();
        for (Object x : v) {
          freq.merge(x, 1, Integer::sum);
          read.add(x);
        }
        freq.forEach((x, c) -> {
          if (c > 1) {
            dups.merge(x, c, Math::max);
          }
        });
        for (Map.Entry<Object, State> e : elements.entrySet()) {
          State st = e.getValue();
          if (freq.containsKey(e.getKey())) {
            st.known = st.known < 0 ? i : st.known;
            st.lastPresent = Math.max(st.lastPresent, inv);
          } else {
            st.lastAbsent = Math.max(st.lastAbsent, inv);
          }
        }
      }
    }
    List<Object> keys = new ArrayList<>(elements.keySet());
    keys.sort(EdnOrder.INSTANCE);
    StringBuilder sb = new StringBuilder();
    boolean anyLost = false;
    boolean anyStable = false;
    for (Object k : keys) {
      State st = elements.get(k);
      boolean stable = st.lastPresent >= 0 && (st.lastAbsent < 0 || st.lastAbsent < st.lastPresent);
      boolean lost = st.known >= 0 && st.lastAbsent >= 0 && (st.lastPresent < 0 || st.lastPresent < st.lastAbsent)
          && st.known < st.lastAbsent;
      long knownTime = st.known >= 0 ? h.time(st.known) : 0;
      long sl = -1;
      long ll = -1;
      if (stable) {
        sl = Math.max(0, (st.lastAbsent >= 0 ? h.time(st.lastAbsent) + 1 : 0) - knownTime) / 1_000_000;
      } else if (lost) {
        ll = Math.max(0, (st.lastPresent >= 0 ? h.time(st.lastPresent) + 1 : 0) - knownTime) / 1_000_000;
      }
      anyLost |= lost;
      anyStable |= stable;
      sb.append(k).append(stable ? " stable " : lost ? " lost " : " never-read ").append(sl).append(' ').append(ll)
          .append(' ').append(st.known).append(' ').append(st.lastPresent).append(' ').append(st.lastAbsent)
          .append('\n');
    }
    List<Object> unexpected = new ArrayList<>();
    for (Object x : read) {
      if (!attempted.contains(x)) {
        unexpected.add(x);
      }
    }
    unexpected.sort(EdnOrder.INSTANCE);
    String verdict = anyLost || !dups.isEmpty() || !unexpected.isEmpty() ? "INVALID" : anyStable ? "VALID" : "UNKNOWN";
    return sb.append("unexpected ").append(unexpected).append("\nduplicated ").append(sorted(dups))
        .append('\n').append(verdict).toString();
  }

  static Map<Object, Integer> sorted(Map<Object, Integer> m) {
    Map<Object, Integer> out = new java.util.TreeMap<>(EdnOrder.INSTANCE);
    out.putAll(m);
    return out;
  }

  static String render(SetFullResult r) {
    StringBuilder sb = new StringBuilder();
    for (SetFullResult.Element e : r.elements()) {
      sb.append(e.element()).append(' ').append(e.outcome().keyword().name()).append(' ')
          .append(e.stableLatency()).append(' ').append(e.lostLatency()).append(' ').append(e.known()).append(' ')
          .append(e.lastPresent()).append(' ').append(e.lastAbsent()).append('\n');
    }
    return sb.append("unexpected ").append(r.unexpected()).append("\nduplicated ")
        .append(sorted(r.duplicated())).append('\n').append(r.valid()).toString();
  }

  @Test
  void setFull_randomHistories_matchJepsenFold() {
    SplittableRandom seeds = new SplittableRandom(0x5E7F011L);
    Map<String, Integer> verdicts = new HashMap<>();
    int lost = 0;
    int stale = 0;
    for (int n = 0; n < HISTORIES; n++) {
      long seed = seeds.nextLong();
      History h = generate(new SplittableRandom(seed));
      SetFullResult r = SetFullChecker.check(h, SetFullChecker.Options.defaults());
      assertEquals(oracle(h), render(r), () -> "seed " + seed + ": " + h.ops());
      verdicts.merge(r.valid().name(), 1, Integer::sum);
      lost += r.withOutcome(SetFullResult.Outcome.LOST).size();
      stale += r.stale().size();
    }
    assertTrue(verdicts.getOrDefault("VALID", 0) > HISTORIES / 10, verdicts::toString);
    assertTrue(verdicts.getOrDefault("INVALID", 0) > HISTORIES / 10, verdicts::toString);
    assertTrue(verdicts.getOrDefault("UNKNOWN", 0) > 0, verdicts::toString);
    assertTrue(lost > 100 && stale > 100, "lost " + lost + ", stale " + stale);
  }
}
