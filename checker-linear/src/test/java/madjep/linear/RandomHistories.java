package madjep.linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Small random histories for differential tests: a simulated object whose ops take effect at random points
 * between invocation and completion (so the history is linearizable), with {@code :fail} ops that did not happen,
 * {@code :info} ops that did or did not, invocations that never complete, and then, often, one corruption (a changed
 * result, or a failure reported as success) that usually makes it non-linearizable.
 */
final class RandomHistories {
  static final Keyword KEY = Keyword.of("key");

  /** A generated history and how to check it. */
  record Case(String model, Object initial, boolean independent, History history, String recipe) {
    Model newModel() {
      return Models.byName(model, initial);
    }

    /** The model the brute-force oracle checks with: for etcd, the independent {@link EtcdReference}. */
    Model oracleModel() {
      return model.equals("etcd") ? new EtcdReference() : newModel();
    }

    @Override
    public String toString() {
      return recipe;
    }
  }

  /** What a model's ops do in the simulation. */
  interface Workload {
    /** A new invocation: {f, value}. */
    Object[] invoke(SplittableRandom r);

    /** The op's effect: {new state, completion value}, or null when it cannot happen now (it will fail). */
    Object[] apply(Object state, Keyword f, Object value, SplittableRandom r);

    /** Another completion value for a corrupted history; null when this op has none to change. */
    Object corrupt(Keyword f, Object value, SplittableRandom r);
  }

  private RandomHistories() {}

  static final List<String> MODELS = Models.NAMES;

  private static long v(SplittableRandom r, int n) {
    return r.nextInt(n);
  }

  private static Object box(long x) {
    return EdnParser.box(x);
  }

  static Workload workload(String model) {
    Keyword read = Keyword.of("read");
    Keyword write = Keyword.of("write");
    Keyword cas = Keyword.of("cas");
    switch (model) {
      case "register":
      case "cas-register":
        boolean withCas = model.equals("cas-register");
        return new Workload() {
          public Object[] invoke(SplittableRandom r) {
            int k = r.nextInt(withCas ? 3 : 2);
            return k == 0 ? new Object[] {read, null}
                : k == 1 ? new Object[] {write, box(v(r, 3))}
                : new Object[] {cas, EdnVector.of(box(v(r, 3)), box(v(r, 3)))};
          }

          public Object[] apply(Object s, Keyword f, Object value, SplittableRandom r) {
            if (f == read) {
              return new Object[] {s, s};
            }
            if (f == write) {
              return new Object[] {value, value};
            }
            List<?> ab = (List<?>) value;
            return Objects.equals(s, ab.get(0)) ? new Object[] {ab.get(1), value} : null;
          }

          public Object corrupt(Keyword f, Object value, SplittableRandom r) {
            return f == read ? box(v(r, 3)) : null;
          }
        };
      case "multi-register":
        Keyword[] keys = {Keyword.of("x"), Keyword.of("y")};
        return new Workload() {
          public Object[] invoke(SplittableRandom r) {
            List<Object> mops = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
              Keyword k = keys[r.nextInt(2)];
              mops.add(r.nextBoolean() ? EdnVector.of(read, k, null) : EdnVector.of(write, k, box(v(r, 3))));
            }
            return new Object[] {Keyword.of("txn"), EdnVector.copyOf(mops)};
          }

          public Object[] apply(Object s, Keyword f, Object value, SplittableRandom r) {
            Map<Object, Object> m = new LinkedHashMap<>((Map<?, ?>) s);
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) value) {
              List<?> mop = (List<?>) o;
              if (mop.get(0) == read) {
                out.add(EdnVector.of(read, mop.get(1), m.get(mop.get(1))));
              } else {
                m.put(mop.get(1), mop.get(2));
                out.add(mop);
              }
            }
            return new Object[] {Collections.unmodifiableMap(m), EdnVector.copyOf(out)};
          }

          public Object corrupt(Keyword f, Object value, SplittableRandom r) {
            List<Object> out = new ArrayList<>((List<?>) value);
            for (int i = 0; i < out.size(); i++) {
              List<?> mop = (List<?>) out.get(i);
              if (mop.get(0) == read) {
                out.set(i, EdnVector.of(read, mop.get(1), box(v(r, 3))));
                return EdnVector.copyOf(out);
              }
            }
            return null;
          }
        };
      case "mutex":
        Keyword acquire = Keyword.of("acquire");
        Keyword release = Keyword.of("release");
        return new Workload() {
          public Object[] invoke(SplittableRandom r) {
            return new Object[] {r.nextBoolean() ? acquire : release, null};
          }

          public Object[] apply(Object s, Keyword f, Object value, SplittableRandom r) {
            boolean held = (Boolean) s;
            return (f == acquire) != held ? new Object[] {!held, null} : null;
          }

          public Object corrupt(Keyword f, Object value, SplittableRandom r) {
            return null;
          }
        };
      case "kv":
        Keyword get = Keyword.of("get");
        Keyword put = Keyword.of("put");
        Keyword append = Keyword.of("append");
        String[] words = {"x", "y", "xy"};
        return new Workload() {
          public Object[] invoke(SplittableRandom r) {
            int k = r.nextInt(3);
            return new Object[] {k == 0 ? get : k == 1 ? put : append, k == 0 ? null : words[r.nextInt(3)]};
          }

          public Object[] apply(Object s, Keyword f, Object value, SplittableRandom r) {
            if (f == get) {
              return new Object[] {s, s};
            }
            return new Object[] {f == put ? value : (String) s + value, value};
          }

          public Object corrupt(Keyword f, Object value, SplittableRandom r) {
            return f == get ? words[r.nextInt(3)] + (r.nextBoolean() ? "" : "x") : null;
          }
        };
      case "set":
        Keyword add = Keyword.of("add");
        return new Workload() {
          public Object[] invoke(SplittableRandom r) {
            return r.nextBoolean() ? new Object[] {add, box(v(r, 4))} : new Object[] {read, null};
          }

          public Object[] apply(Object s, Keyword f, Object value, SplittableRandom r) {
            LinkedHashSet<Object> set = new LinkedHashSet<>((java.util.Set<?>) s);
            if (f == read) {
              return new Object[] {s, Collections.unmodifiableSet(set)};
            }
            set.add(value);
            return new Object[] {Collections.unmodifiableSet(set), value};
          }

          public Object corrupt(Keyword f, Object value, SplittableRandom r) {
            if (f != read) {
              return null;
            }
            LinkedHashSet<Object> set = new LinkedHashSet<>((java.util.Set<?>) value);
            Object e = box(v(r, 4));
            if (!set.remove(e)) {
              set.add(e);
            }
            return Collections.unmodifiableSet(set);
          }
        };
      case "fifo-queue":
      case "unordered-queue":
        boolean fifo = model.equals("fifo-queue");
        Keyword enqueue = Keyword.of("enqueue");
        Keyword dequeue = Keyword.of("dequeue");
        return new Workload() {
          public Object[] invoke(SplittableRandom r) {
            return r.nextBoolean() ? new Object[] {enqueue, box(v(r, 3))} : new Object[] {dequeue, null};
          }

          public Object[] apply(Object s, Keyword f, Object value, SplittableRandom r) {
            List<Object> q = new ArrayList<>((List<?>) s);
            if (f == enqueue) {
              q.add(value);
              return new Object[] {List.copyOf(q), value};
            }
            if (q.isEmpty()) {
              return null;
            }
            Object e = q.remove(fifo ? 0 : r.nextInt(q.size()));
            return new Object[] {List.copyOf(q), e};
          }

          public Object corrupt(Keyword f, Object value, SplittableRandom r) {
            return f == dequeue ? box(v(r, 6)) : null;
          }
        };
      case "etcd":
        return new EtcdWorkload();
      default:
        throw new IllegalArgumentException(model);
    }
  }

  /** The simulation's initial state for a model's initial value. */
  private static Object simulationState(String model, Object initial) {
    return switch (model) {
      case "mutex" -> Boolean.TRUE.equals(initial);
      case "set" -> Collections.unmodifiableSet(new LinkedHashSet<>((java.util.Collection<?>) initial));
      case "fifo-queue", "unordered-queue" -> List.copyOf((List<?>) initial);
      case "etcd" -> List.of(EtcdReference.INITIAL);
      default -> initial;
    };
  }

  private static Object randomInitial(String model, SplittableRandom r) {
    return switch (model) {
      case "register", "cas-register" -> r.nextBoolean() ? null : box(0);
      case "multi-register" -> r.nextBoolean()
          ? Map.of()
          : Map.of(Keyword.of("x"), box(0), Keyword.of("y"), box(0));
      case "mutex" -> Boolean.FALSE;
      case "kv" -> r.nextBoolean() ? "" : "x";
      case "etcd" -> null;
      case "set" -> r.nextBoolean() ? List.of() : List.of(box(1));
      default -> r.nextBoolean() ? List.of() : List.of(box(2));
    };
  }

  /** A pending op in the simulation. */
  private static final class Pending {
    int thread;
    long process;
    Keyword f;
    Object invokeValue;
    Object key;
    Object indepKey;
    /** 0 not yet taken effect, 1 took effect, 2 cannot (will fail). */
    int status;
    Object result;
  }

  /** One random history of {@code model}; {@code seed} fixes everything. */
  static Case generate(String model, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Workload w = workload(model);
    Object initial = randomInitial(model, r);
    boolean independent = !model.equals("kv") && r.nextInt(5) == 0;
    int threads = 1 + r.nextInt(6);
    int maxOps = 1 + r.nextInt(12);
    boolean corruptAll = r.nextInt(10) == 0;
    Map<Object, Object> states = new LinkedHashMap<>();
    List<Op> ops = new ArrayList<>();
    Pending[] busy = new Pending[threads];
    long[] process = new long[threads];
    for (int t = 0; t < threads; t++) {
      process[t] = t;
    }
    long nextProcess = threads;
    List<Pending> crashed = new ArrayList<>();
    int invoked = 0;
    int guard = 0;
    while (guard++ < 1000) {
      int t = r.nextInt(threads);
      Pending p = busy[t];
      int action = r.nextInt(10);
      if (p == null) {
        if (invoked == maxOps) {
          boolean anyBusy = false;
          for (Pending b : busy) {
            anyBusy |= b != null;
          }
          if (!anyBusy) {
            break;
          }
          continue;
        }
        p = new Pending();
        p.thread = t;
        p.process = process[t];
        Object[] fv = w.invoke(r);
        p.f = (Keyword) fv[0];
        p.invokeValue = fv[1];
        p.key = model.equals("kv") ? (r.nextBoolean() ? "a" : "b") : null;
        p.indepKey = independent ? box(r.nextInt(2)) : null;
        busy[t] = p;
        invoked++;
        ops.add(op(OpType.INVOKE, p, p.invokeValue, independent));
      } else if (action < 4 && p.status == 0) {
        takeEffect(p, w, states, model, initial, r);
      } else if (action < 9 || invoked == maxOps) {
        if (p.status == 0 && r.nextInt(3) > 0) {
          takeEffect(p, w, states, model, initial, r);
        }
        int end = r.nextInt(20);
        if (end == 0 || (end == 1 && invoked == maxOps)) {
          // Crash: :info, or (at the end) no completion at all; either way the op may take effect later.
          if (end == 0) {
            ops.add(op(OpType.INFO, p, p.invokeValue, independent));
          }
          if (p.status == 0) {
            crashed.add(p);
          }
          busy[t] = null;
          process[t] = nextProcess++;
        } else if (p.status == 1) {
          ops.add(op(OpType.OK, p, p.result, independent));
          busy[t] = null;
        } else if (p.status == 2) {
          ops.add(op(OpType.FAIL, p, p.invokeValue, independent));
          busy[t] = null;
        }
      }
      if (!crashed.isEmpty() && r.nextInt(8) == 0) {
        // A crashed op takes effect late, or never.
        Pending c = crashed.remove(r.nextInt(crashed.size()));
        if (r.nextBoolean()) {
          takeEffect(c, w, states, model, initial, r);
        }
      }
    }
    String recipe = model + " seed=" + seed;
    if (corruptAll || r.nextInt(100) < 60) {
      ops = corrupt(ops, w, r, corruptAll, independent);
      recipe += corruptAll ? " (corrupt all)" : " (corrupt one)";
    }
    History h = History.of(recipe, ops);
    return new Case(model, initial, independent, h, recipe);
  }

  private static void takeEffect(
      Pending p, Workload w, Map<Object, Object> states, String model, Object initial, SplittableRandom r) {
    Object stateKey = java.util.Arrays.asList(p.indepKey, p.key);
    Object s = states.containsKey(stateKey) ? states.get(stateKey) : simulationState(model, initial);
    // Any op may fail outright (it did not happen), as well as those the state rules out.
    Object[] out = r.nextInt(8) == 0 ? null : w.apply(s, p.f, p.invokeValue, r);
    if (out == null) {
      p.status = 2;
    } else {
      states.put(stateKey, out[0]);
      p.status = 1;
      p.result = out[1];
    }
  }

  private static Op op(OpType type, Pending p, Object value, boolean independent) {
    Object v = independent ? EdnVector.of(p.indepKey, value) : value;
    Map<Keyword, Object> extras = p.key == null ? Map.of() : Map.of(KEY, p.key);
    return new Op(-1, -1, type, box(p.process), p.f, v, null, extras);
  }

  /** Changes one :ok result (or reports one :fail as :ok); with {@code all}, every :ok result it can. */
  private static List<Op> corrupt(List<Op> ops, Workload w, SplittableRandom r, boolean all, boolean independent) {
    List<Op> out = new ArrayList<>(ops);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).type() == OpType.OK || out.get(i).type() == OpType.FAIL) {
        candidates.add(i);
      }
    }
    Collections.shuffle(candidates, new java.util.Random(r.nextLong()));
    for (int i : candidates) {
      Op o = out.get(i);
      Object inner = independent ? ((List<?>) o.value()).get(1) : o.value();
      Object changed = o.type() == OpType.OK ? w.corrupt(o.f(), inner, r) : null;
      Op replacement = null;
      if (changed != null) {
        Object v = independent ? EdnVector.of(((List<?>) o.value()).get(0), changed) : changed;
        replacement = new Op(o.index(), o.time(), o.type(), o.process(), o.f(), v, o.error(), o.extras());
      } else if (o.type() == OpType.FAIL) {
        replacement = new Op(o.index(), o.time(), OpType.OK, o.process(), o.f(), o.value(), o.error(), o.extras());
      }
      if (replacement != null) {
        out.set(i, replacement);
        if (!all) {
          break;
        }
      }
    }
    return out;
  }
}
