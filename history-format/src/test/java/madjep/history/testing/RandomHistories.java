package madjep.history.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnList;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.edn.Symbol;
import madjep.history.edn.Tagged;

/**
 * Seeded random histories and EDN values for property tests: well-paired client ops, nemesis ops, every EDN type in
 * values, errors and extra keys, with or without indices and times.
 */
public final class RandomHistories {
  private static final String[] NAMES = {"read", "write", "cas", "txn", "append", "r", "w", "add", "x", "y",
      "jepsen.history/op", "a-b", "k?", "<>", "ns.sub/name"};
  private static final String[] STRINGS = {"", "plain", "with \"quotes\"", "back\\slash", "tab\tnew\nline",
      "caf\u00e9 \u2603 \ud83d\ude00", "ctrl\u0001\u001f", "semi;colon #{} [] ()", ":not-a-keyword", "nil"};

  private final SplittableRandom r;

  public RandomHistories(long seed) {
    this.r = new SplittableRandom(seed);
  }

  /** The random stream, for callers that make further choices from the same seed. */
  public SplittableRandom random() {
    return r;
  }

  /** A random EDN value nested at most {@code depth} deep. */
  public Object value(int depth) {
    int k = r.nextInt(depth > 0 ? 16 : 10);
    switch (k) {
      case 0:
        return null;
      case 1:
        return EdnParser.box(r.nextInt(-5, 100));
      case 2:
        return EdnParser.box(r.nextLong());
      case 3:
        return r.nextBoolean() ? Keyword.of(NAMES[r.nextInt(NAMES.length)]) : Boolean.valueOf(r.nextBoolean());
      case 4:
        return STRINGS[r.nextInt(STRINGS.length)];
      case 5:
        return r.nextBoolean() ? BigInteger.valueOf(r.nextLong()).shiftLeft(64).add(BigInteger.ONE)
            : new BigDecimal(BigInteger.valueOf(r.nextInt(100000)), r.nextInt(4));
      case 6:
        double d = r.nextInt(4) == 0 ? r.nextDouble() * 1e300 : Math.round(r.nextDouble() * 1e6) / 100.0;
        return r.nextBoolean() ? d : -d;
      case 7:
        return "\n a\u00e9,(".charAt(r.nextInt(6));
      case 8:
        return new Symbol(r.nextBoolean() ? "sym" : "my.ns/sym-" + r.nextInt(9));
      case 9:
        return Keyword.of(NAMES[r.nextInt(NAMES.length)]);
      case 10:
      case 11:
        return EdnVector.of(values(depth - 1, r.nextInt(5)));
      case 12:
        return EdnList.of(values(depth - 1, r.nextInt(4)));
      case 13: {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.put(value(depth - 1), value(depth - 1));
        }
        return java.util.Collections.unmodifiableMap(m);
      }
      case 14: {
        LinkedHashSet<Object> s = new LinkedHashSet<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          s.add(value(depth - 1));
        }
        return java.util.Collections.unmodifiableSet(s);
      }
      default:
        return new Tagged(new Symbol(r.nextBoolean() ? "inst" : "my/tag"), value(depth - 1));
    }
  }

  private Object[] values(int depth, int n) {
    Object[] a = new Object[n];
    for (int i = 0; i < n; i++) {
      a[i] = value(depth);
    }
    return a;
  }

  /**
   * A well-paired history of about {@code ops} ops over up to {@code processes} client processes, with nemesis ops,
   * crashes (:info) and never-completed invocations.
   */
  public History history(int ops, int processes) {
    boolean indexed = r.nextBoolean();
    boolean timed = r.nextBoolean();
    HistoryBuilder b = History.builder("<random>");
    List<Op> open = new ArrayList<>();
    long[] process = new long[processes];
    for (int p = 0; p < processes; p++) {
      open.add(null);
      process[p] = p;
    }
    long time = 0;
    long index = r.nextInt(3);
    for (int n = 0; n < ops; n++) {
      Op op;
      if (r.nextInt(12) == 0) {
        op = new Op(-1, -1, OpType.INFO, Keyword.of("nemesis"), Keyword.of(r.nextBoolean() ? "start" : "stop"),
            value(1), null, Map.of());
        b.add(stamp(op, indexed, timed, index, time));
        b.add(stamp(op, indexed, timed, index + 1, time + 1));
        index += 2;
        time += 2;
        continue;
      }
      int slot = r.nextInt(processes);
      Op inv = open.get(slot);
      if (inv == null) {
        op = new Op(-1, -1, OpType.INVOKE, EdnParser.box(process[slot]), fn(), value(2), null, extras());
        open.set(slot, op);
      } else {
        OpType t = OpType.values()[1 + r.nextInt(3)];
        op = new Op(-1, -1, t, inv.process(), inv.f(), value(2), t == OpType.OK ? null : value(1), extras());
        open.set(slot, null);
        if (t == OpType.INFO) {
          // Jepsen gives a crashed client a new process number.
          process[slot] += processes;
        }
      }
      b.add(stamp(op, indexed, timed, index, time));
      index += 1 + (indexed ? r.nextInt(2) : 0);
      time += r.nextInt(1000);
    }
    return b.build();
  }

  private Keyword fn() {
    return Keyword.of(NAMES[r.nextInt(5)]);
  }

  private Map<Keyword, Object> extras() {
    if (r.nextInt(4) != 0) {
      return Map.of();
    }
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("op-index"), EdnParser.box(r.nextInt(100)));
    if (r.nextBoolean()) {
      m.put(Keyword.of("key"), STRINGS[r.nextInt(STRINGS.length)]);
    }
    return m;
  }

  private static Op stamp(Op op, boolean indexed, boolean timed, long index, long time) {
    return new Op(indexed ? index : -1, timed ? time : -1, op.type(), op.process(), op.f(), op.value(), op.error(),
        op.extras());
  }
}
