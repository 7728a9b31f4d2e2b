package madjep.bench.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;

/**
 * Seeded Jepsen-like register histories for benchmarks: {@code processes} clients doing reads, writes and CAS on one
 * register with times in nanoseconds, some :fail and about 1% :info completions (a crashed client comes back as a new
 * process, as in Jepsen), and a nemesis op now and then. Each op takes effect at its completion (a crashed one half
 * of the time), so the history is linearizable by construction: a cas-register checker must find it valid.
 */
public final class GeneratedHistories {
  private GeneratedHistories() {}

  /** A history of about {@code ops} ops. */
  public static History register(int ops, int processes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    HistoryBuilder b = History.builder("<generated>");
    Op[] open = new Op[processes];
    long[] process = new long[processes];
    for (int p = 0; p < processes; p++) {
      process[p] = p;
    }
    long time = 0;
    long value = 0;
    int n = 0;
    while (n < ops) {
      time += 1 + r.nextInt(200_000);
      if (r.nextInt(500) == 0) {
        Op nem = new Op(n, time, OpType.INFO, madjep.history.edn.Keyword.of("nemesis"),
            madjep.history.edn.Keyword.of(r.nextBoolean() ? "start" : "stop"), null, null, java.util.Map.of());
        b.add(nem);
        n++;
        continue;
      }
      int slot = r.nextInt(processes);
      Op inv = open[slot];
      if (inv == null) {
        int k = r.nextInt(10);
        String f = k < 5 ? "read" : k < 8 ? "write" : "cas";
        Object v = switch (f) {
          case "read" -> null;
          case "write" -> EdnParser.box(r.nextInt(5));
          default -> EdnVector.of(EdnParser.box(r.nextInt(5)), EdnParser.box(r.nextInt(5)));
        };
        open[slot] = Op.invoke(process[slot], f, v).withIndex(n).withTime(time);
        b.add(open[slot]);
      } else {
        OpType t = r.nextInt(100) == 0 ? OpType.INFO : OpType.OK;
        boolean applies = t == OpType.OK || r.nextBoolean();
        Object v = inv.value();
        switch (inv.f().name()) {
          case "read" -> v = t == OpType.OK ? EdnParser.box(value) : null;
          case "write" -> value = applies ? (Long) v : value;
          default -> {
            java.util.List<?> ab = (java.util.List<?>) v;
            boolean matches = (Long) ab.get(0) == value;
            if (matches && applies) {
              value = (Long) ab.get(1);
            }
            if (!matches && t == OpType.OK) {
              t = OpType.FAIL;
            }
          }
        }
        Op done = new Op(n, time, t, inv.process(), inv.f(), v, t == OpType.INFO ? madjep.history.edn.Keyword.of(
            "timeout") : null, java.util.Map.of());
        b.add(done);
        open[slot] = null;
        if (t == OpType.INFO) {
          process[slot] += processes;
        }
      }
      n++;
    }
    return b.build();
  }

  /** The history as text in {@code format}. */
  public static byte[] bytes(History h, HistoryFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(h.size() * 96);
    try {
      HistoryWriter.write(h, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The history as {@code jepsen.log} op lines, in Porcupine's style: {@code INFO  jepsen.util - 3	:ok	:read	1}. */
  public static byte[] jepsenLog(History h) {
    StringBuilder sb = new StringBuilder(h.size() * 48);
    for (int i = 0; i < h.size(); i++) {
      sb.append("INFO  jepsen.util - ");
      Edn.print(sb, h.processValue(i));
      sb.append('\t').append(h.type(i).keyword()).append('\t').append(h.f(i)).append('\t');
      Edn.print(sb, h.value(i));
      if (h.error(i) != null) {
        sb.append('\t');
        Edn.print(sb, h.error(i));
      }
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
