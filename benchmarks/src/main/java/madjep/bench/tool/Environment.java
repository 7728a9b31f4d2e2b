package madjep.bench.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where and when a run happens: the machine, the JDK, the commit, the date and the load average. */
final class Environment {
  private final Path repo;

  Environment(Path repo) {
    this.repo = repo;
  }

  String date() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  String commit() {
    String c = git("rev-parse", "--short=12", "HEAD");
    return c.isEmpty() ? "unknown" : c;
  }

  boolean dirty() {
    return !git("status", "--porcelain", "--untracked-files=no").isEmpty();
  }

  ObjectNode machine() {
    ObjectNode m = RunFile.JSON.createObjectNode();
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    m.put("memoryMiB", mem.isEmpty() ? -1 : Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024);
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    return m;
  }

  ObjectNode jdk() {
    ObjectNode j = RunFile.JSON.createObjectNode();
    j.put("version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
    j.put("vendor", System.getProperty("java.vendor"));
    j.put("vm", System.getProperty("java.vm.name"));
    return j;
  }

  /** The 1, 5 and 15 minute load averages, or an empty array where the system has none. */
  ArrayNode loadArray() {
    ArrayNode a = RunFile.JSON.createArrayNode();
    for (double d : load()) {
      a.add(d);
    }
    return a;
  }

  static double[] load() {
    try {
      String[] w = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new double[] {Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2])};
    } catch (IOException | RuntimeException e) {
      return new double[0];
    }
  }

  /** The one-minute load average, or -1. */
  static double load1() {
    double[] l = load();
    return l.length == 0 ? -1 : l[0];
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // Not Linux: leave it out.
    }
    return "";
  }

  private String git(String... args) {
    try {
      Process p = new ProcessBuilder(concat(List.of("git", "-C", repo.toString()), List.of(args)))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "";
      }
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
