package madjep.bench.linear;

import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Seeded, linearizable cas-register histories for benchmarks: {@code processes} clients run reads, writes and
 * compare-and-sets on random keys; each op takes effect at a random moment between its invocation and completion,
 * a cas whose compare fails completes {@code :fail}, and one op in {@code 1 / crashEvery} crashes ({@code :info},
 * taking effect or not), after which its process is replaced by a new one, as in Jepsen.
 */
public final class RegisterHistories {
  private static final Keyword READ = Keyword.of("read");
  private static final Keyword WRITE = Keyword.of("write");
  private static final Keyword CAS = Keyword.of("cas");
  private static final int VALUES = 5;

  private RegisterHistories() {}

  /**
   * A history of {@code ops} operations.
   *
   * @param keys 1 for a plain register history; more for Jepsen independent {@code [key value]} values
   */
  public static History generate(long seed, int ops, int keys, int processes, int crashEvery) {
    SplittableRandom r = new SplittableRandom(seed);
    HistoryBuilder b = History.builder("generated-" + ops + "-ops-" + keys + "-keys-seed-" + seed);
    long[] register = new long[keys];
    int[] process = new int[processes];
    int nextProcess = processes;
    // Per process slot: -1 idle; else the op's key, function, argument(s), whether it took effect, its result.
    int[] key = new int[processes];
    byte[] fn = new byte[processes];
    long[] a = new long[processes];
    long[] c = new long[processes];
    byte[] stage = new byte[processes]; // 0 idle, 1 invoked, 2 took effect, 3 cannot take effect (cas failed)
    long[] result = new long[processes];
    for (int p = 0; p < processes; p++) {
      process[p] = p;
    }
    int invoked = 0;
    int open = 0;
    while (invoked < ops || open > 0) {
      int p = r.nextInt(processes);
      switch (stage[p]) {
        case 0:
          if (invoked == ops) {
            break;
          }
          key[p] = r.nextInt(keys);
          fn[p] = (byte) r.nextInt(3);
          a[p] = r.nextInt(VALUES);
          c[p] = r.nextInt(VALUES);
          emit(b, OpType.INVOKE, process[p], fn[p], keys, key[p], invokeValue(fn[p], a[p], c[p]));
          stage[p] = 1;
          invoked++;
          open++;
          break;
        case 1:
          // Take effect now.
          long s = register[key[p]];
          if (fn[p] == 0) {
            result[p] = s;
            stage[p] = 2;
          } else if (fn[p] == 1) {
            register[key[p]] = a[p];
            stage[p] = 2;
          } else if (s == a[p]) {
            register[key[p]] = c[p];
            stage[p] = 2;
          } else {
            stage[p] = 3;
          }
          break;
        default:
          if (r.nextInt(crashEvery) == 0) {
            emit(b, OpType.INFO, process[p], fn[p], keys, key[p], invokeValue(fn[p], a[p], c[p]));
            process[p] = nextProcess++;
          } else if (stage[p] == 3) {
            emit(b, OpType.FAIL, process[p], fn[p], keys, key[p], invokeValue(fn[p], a[p], c[p]));
          } else {
            Object v = fn[p] == 0 ? EdnParser.box(result[p]) : invokeValue(fn[p], a[p], c[p]);
            emit(b, OpType.OK, process[p], fn[p], keys, key[p], v);
          }
          stage[p] = 0;
          open--;
          break;
      }
    }
    return b.build();
  }

  private static Object invokeValue(byte fn, long a, long c) {
    return switch (fn) {
      case 0 -> null;
      case 1 -> EdnParser.box(a);
      default -> EdnVector.of(EdnParser.box(a), EdnParser.box(c));
    };
  }

  private static void emit(HistoryBuilder b, OpType type, int process, byte fn, int keys, int key, Object v) {
    Keyword f = fn == 0 ? READ : fn == 1 ? WRITE : CAS;
    Object value = keys == 1 ? v : EdnVector.of(EdnParser.box(key), v);
    b.add(Long.MIN_VALUE, -1, type, process, f, value, null, null, 0, 0);
  }
}
