package madjep.sim.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Jepsen's linearizable-register test over independent keys: {@code :read [k nil]}, {@code :write [k v]}, {@code :cas
 * [k [old new]]}, values 0-4 so that a cas often matches. {@code kv} names the same ops (give it {@code
 * key-distribution = "zipfian"} for hot keys). Checked as a
 * cas-register per key.
 *
 * <p>As Jepsen's independent generator does, a key is retired after {@code opsPerKey} ops and a fresh one takes its
 * place, so every key's history stays small enough to check however long the run: an op that crashed stays open
 * to the end of its key's history, and thousands of them on one key would defeat any linearizability search. Once
 * faults stop, every key ever used is read once more, so that values lost in a crash show.
 */
public final class RegisterWorkload implements Workload {
  static final Keyword READ = Keyword.of("read");
  static final Keyword WRITE = Keyword.of("write");
  static final Keyword CAS = Keyword.of("cas");

  private final String name;
  private final Keys keys;
  private final int opsPerKey;
  private final ActiveKeys active;
  /**
   * Per slot, the op values of the key it holds (null once that key is retired), made once and shared by every op
   * on that key: a read's {@code [k nil]}, the five writes' {@code [k v]}, the 25 cases' {@code [k [a b]]}. A
   * simulated hour records 2.5 million of these ops, and a value made for each one was 200 MB of vectors that the
   * collector copied into the old generation.
   */
  private final Object[][] values;
  private static final int WRITES = 1;
  private static final int CASES = 6;
  /** The 25 {@code [old new]} pairs of a cas. */
  private static final EdnVector[] PAIRS = new EdnVector[25];
  /** The five values a write writes, boxed once. */
  private static final Long[] VALUES = new Long[5];

  static {
    for (int v = 0; v < 5; v++) {
      VALUES[v] = EdnParser.box(v);
    }
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        PAIRS[5 * a + b] = EdnVector.of(EdnParser.box(a), EdnParser.box(b));
      }
    }
  }

  /** {@code keys} picks among the keys in use; each is retired after {@code opsPerKey} ops (0: never). */
  public RegisterWorkload(String name, Keys keys, int opsPerKey) {
    this.name = name;
    this.keys = keys;
    this.opsPerKey = opsPerKey;
    active = new ActiveKeys(keys.count(), opsPerKey);
    values = new Object[keys.count()][];
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Invocation next(SplittableRandom rng, long process) {
    int slot = (int) keys.next(rng);
    long key = active.key(slot);
    Object[] made = values[slot];
    if (made == null) {
      made = values[slot] = new Object[CASES + PAIRS.length];
    }
    if (active.use(slot)) {
      values[slot] = null; // the next key's values are its own; this op still uses the retired key's
    }
    // The draws in the order they always were: the function, then a write's value, or a cas's old and new.
    return switch (rng.nextInt(3)) {
      case 0 -> new Invocation(READ, value(made, 0, key, null));
      case 1 -> {
        int v = rng.nextInt(5);
        yield new Invocation(WRITE, value(made, WRITES + v, key, VALUES[v]));
      }
      default -> {
        int a = rng.nextInt(5);
        int b = rng.nextInt(5);
        yield new Invocation(CAS, value(made, CASES + 5 * a + b, key, PAIRS[5 * a + b]));
      }
    };
  }

  /** The value {@code [key second]}, kept at {@code made[i]}: made the first time it is asked for. */
  private static Object value(Object[] made, int i, long key, Object second) {
    Object v = made[i];
    if (v == null) {
      v = made[i] = EdnVector.of(EdnParser.box(key), second);
    }
    return v;
  }

  /**
   * A read of every key ever used, after faults stop: a key retired while the system was down would otherwise never
   * be read again, and a store that lost everything in a crash would pass.
   */
  @Override
  public java.util.List<Invocation> finals() {
    java.util.List<Invocation> reads = new java.util.ArrayList<>();
    for (long k = 0; k < active.issued(); k++) {
      reads.add(new Invocation(READ, EdnVector.of(EdnParser.box(k), null)));
    }
    return reads;
  }

  @Override
  public CheckSpec check() {
    // A simulated client records exactly what the system answered: a read of nil saw no value.
    return CheckSpec.of("linear", "model", "cas-register", "independent", true, "nil-reads", "no-value");
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keys", (long) keys.count());
    m.put("key-distribution", keys.distribution());
    m.put("ops-per-key", (long) opsPerKey);
    return m;
  }
}
