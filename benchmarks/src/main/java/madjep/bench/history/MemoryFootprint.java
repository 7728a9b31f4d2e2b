package madjep.bench.history;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;

/**
 * Checks that a large history fits in a given heap once read: {@code generate} writes an EDN history of N ops in
 * slices of 1M (so that generating does not need the heap being measured), {@code read} reads it and prints the
 * heap in use after a full GC.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar madjep.bench.history.MemoryFootprint generate /tmp/10m.edn 10000000
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar madjep.bench.history.MemoryFootprint read /tmp/10m.edn
 * </pre>
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length >= 2 && args[0].equals("read")) {
      read(Path.of(args[1]));
    } else {
      System.err.println("usage: MemoryFootprint generate FILE OPS | read FILE");
      System.exit(64);
    }
  }

  private static void generate(Path file, int ops) throws IOException {
    final int slice = 1_000_000;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int done = 0, s = 0; done < ops; done += slice, s++) {
        History h = GeneratedHistories.register(Math.min(slice, ops - done), 50, s);
        // Each slice restarts its indices at 0; shift them so that the file's indices stay ascending.
        byte[] edn = GeneratedHistories.bytes(h, HistoryFormat.EDN);
        String text = new String(edn, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder shifted = new StringBuilder(text.length() + slice * 2);
        int i = 0;
        int line = 0;
        while (i < text.length()) {
          int nl = text.indexOf('\n', i);
          String l = text.substring(i, nl);
          int comma = l.indexOf(',');
          shifted.append("{:index ").append(done + line).append(l, comma, l.length()).append('\n');
          line++;
          i = nl + 1;
        }
        out.write(shifted.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    System.out.printf("wrote %d ops, %d bytes to %s%n", ops, Files.size(file), file);
  }

  private static void read(Path file) throws IOException {
    long t0 = System.nanoTime();
    History h = HistoryReader.read(file);
    long t1 = System.nanoTime();
    System.gc();
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf("read %d ops (%d bytes) in %.2f s; heap in use after GC: %d MB of %d MB max (%.0f bytes/op);"
        + " problems: %d%n", h.size(), Files.size(file), (t1 - t0) / 1e9, used >> 20, max >> 20,
        (double) used / h.size(), h.problemCount());
  }
}
