package madjep.bench.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one fork of one job as a process of its own: a fresh JVM running JMH in-process ({@code -f 0}) is a JMH fork,
 * and starting it ourselves is what lets two builds' forks alternate. The result is JMH's JSON for that fork.
 */
final class ForkRunner {
  /** A build to measure: its benchmarks jar, and JVM options for its forks (a planted slowdown, say). */
  record Side(String name, Path jar, List<String> jvmArgs) {}

  private final Path java;
  private final Path work;

  ForkRunner(Path java, Path work) {
    this.java = java;
    this.work = work;
  }

  /** Runs the fork and returns JMH's result objects for it, each with the load average at its start added. */
  List<ObjectNode> run(Side side, Suite.Job job, Suite.Settings s, int fork) throws IOException, InterruptedException {
    double load = Environment.load1();
    String stem = side.name() + "-" + job.benchmark().replaceAll("[^A-Za-z0-9]", "_") + "-"
        + Integer.toHexString(job.params().hashCode()) + "-" + fork;
    Path json = work.resolve(stem + ".json");
    Path log = work.resolve(stem + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(job.jvmArgs());
    cmd.addAll(side.jvmArgs());
    cmd.addAll(List.of("-cp", side.jar().toString(), "org.openjdk.jmh.Main",
        "^" + Pattern.quote(job.benchmark()) + "$", "-f", "0",
        "-wi", String.valueOf(s.warmupIterations()), "-w", s.warmupTime(),
        "-i", String.valueOf(s.iterations()), "-r", s.iterationTime(),
        "-rf", "json", "-rff", json.toString()));
    for (Map.Entry<String, String> p : job.params().entrySet()) {
      cmd.add("-p");
      cmd.add(p.getKey() + "=" + p.getValue());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    JsonNode results = Files.exists(json) ? RunFile.JSON.readTree(json.toFile()) : null;
    if (code != 0 || !(results instanceof ArrayNode a) || a.isEmpty()) {
      throw new IOException(side.name() + " " + job.label() + " fork " + fork + " failed (exit " + code + "); "
          + "the end of " + log + ":\n" + tail(log, 15));
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode r : a) {
      ObjectNode o = (ObjectNode) r;
      o.putArray("load").add(load);
      out.add(o);
    }
    return out;
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
