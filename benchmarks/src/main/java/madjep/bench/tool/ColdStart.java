package madjep.bench.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import madjep.bench.history.GeneratedHistories;
import madjep.history.io.HistoryFormat;

/**
 * Whole-process timings: the {@code madjep} command as a user runs it (through the {@code ./madjep} launcher, JVM
 * start, class loading and JIT included) and, when its directory is given, Porcupine's own Go check of the same
 * files. The commands alternate, run after run, so that a change in the machine's load falls on all of them alike.
 */
final class ColdStart {
  /** One command to time: its figure's name, the command, and where it runs. */
  record Probe(String name, List<String> command, Path dir) {}

  private ColdStart() {}

  /**
   * The probes: {@code madjep check linear} over a 100-op register history, over Porcupine's 102 etcd logs and over
   * its 6 kv logs, then Porcupine's test binary over the same logs when {@code porcupine} (a Porcupine checkout
   * holding {@code porcupine.test}, built by {@code go test -c -o porcupine.test}) is given.
   */
  static List<Probe> probes(Path repo, Path corpus, Path porcupine, Path scratch) throws IOException {
    Path launcher = repo.resolve("madjep");
    Path hundred = scratch.resolve("register-100.edn");
    Files.write(hundred, GeneratedHistories.bytes(GeneratedHistories.register(100, 5, 42), HistoryFormat.EDN));
    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe("cold.check-linear.register-100-ops",
        command(launcher, "cas-register", List.of(hundred)), repo));
    probes.add(new Probe("cold.check-linear.porcupine-etcd-102",
        command(launcher, "cas-register", files(corpus.resolve("porcupine/jepsen"), ".log")), repo));
    probes.add(new Probe("cold.check-linear.porcupine-kv-6",
        command(launcher, "kv", files(corpus.resolve("porcupine/kv"), ".txt")), repo));
    if (porcupine != null) {
      // Absolute: the probe runs in Porcupine's directory, where a path relative to ours means nothing.
      porcupine = porcupine.toAbsolutePath();
      String test = porcupine.resolve("porcupine.test").toString();
      probes.add(new Probe("cold.porcupine.porcupine-etcd-102", List.of(test, "-test.run", "^TestEtcdJepsen"),
          porcupine));
      probes.add(new Probe("cold.porcupine.porcupine-kv-6",
          List.of(test, "-test.run", "^TestKv(1Client|10Clients|50Clients)(Ok|Bad)$"), porcupine));
    }
    return probes;
  }

  private static List<String> command(Path launcher, String model, List<Path> files) {
    List<String> c = new ArrayList<>(List.of(launcher.toString(), "check", "linear", "--model", model));
    for (Path f : files) {
      c.add(f.toString());
    }
    return c;
  }

  private static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
      if (files.isEmpty()) {
        throw new IOException(dir + ": no *" + suffix + " files");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs every probe {@code runs} times, alternating, and returns one result object per probe in JMH's shape (mode
   * {@code ss}, seconds, one fork per process). Exit codes 0, 1 and 2 (valid, invalid, unknown) are answers; any
   * other fails the run.
   */
  static List<ObjectNode> measure(List<Probe> probes, int runs, java.io.PrintWriter log)
      throws IOException, InterruptedException {
    List<List<ObjectNode>> forks = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      forks.add(new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < probes.size(); i++) {
        Probe p = probes.get(i);
        double load = Environment.load1();
        ProcessBuilder pb = new ProcessBuilder(p.command()).directory(p.dir().toFile())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MADJEP_NO_BUILD", "1");
        long start = System.nanoTime();
        int code = pb.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code > 2) {
          throw new IOException(p.name() + " exited " + code + ": " + String.join(" ", p.command()));
        }
        ObjectNode r = RunFile.JSON.createObjectNode();
        r.put("benchmark", p.name());
        r.put("mode", "ss");
        r.put("source", "process");
        r.put("command", String.join(" ", p.command().subList(0, Math.min(6, p.command().size())))
            + (p.command().size() > 6 ? " ... (" + (p.command().size() - 5) + " files)" : ""));
        r.putObject("params");
        r.putObject("primaryMetric").put("scoreUnit", "s/op").putArray("rawData").addArray().add(seconds);
        r.putArray("load").add(load);
        forks.get(i).add(r);
        log.printf("  %-40s run %d: %.3f s (load %.2f)%n", p.name(), run + 1, seconds, load);
        log.flush();
      }
    }
    List<ObjectNode> results = new ArrayList<>();
    for (List<ObjectNode> f : forks) {
      results.add(Forks.merge(f));
    }
    return results;
  }
}
