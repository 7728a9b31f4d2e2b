package madjep.bench.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare and trend on runs made up with known ratios: a planted 2x slowdown is a regression, noise alone is not, and
 * a slower machine is not a regression once normalized by the calibration.
 */
class BenchToolTest {
  @TempDir Path dir;

  /** One fake benchmark: its name, mode, unit, and mean. */
  private record Fake(String name, String mode, String unit, double mean) {}

  private static final List<Fake> SUITE = List.of(
      new Fake("madjep.bench.Calibration.sort", "avgt", "ms/op", 10),
      new Fake("madjep.bench.linear.EtcdBenchmark.allEtcd", "avgt", "ms/op", 7),
      new Fake("madjep.bench.history.ParseBenchmark.edn", "thrpt", "ops/s", 3_000_000));

  /**
   * A run whose benchmarks have {@code forks x iterations} samples around their means times {@code factor} (divided,
   * for throughput), with 3% noise between iterations and 5% between forks; the calibration is scaled by
   * {@code machine} instead when it is not 1.
   */
  private Path run(String name, double factor, double machine, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ObjectNode root = RunFile.JSON.createObjectNode();
    root.put("format", RunFile.FORMAT);
    root.put("suite", "quick");
    root.put("date", "2026-12-0" + (1 + (seed % 8)) + "T00:00:00Z");
    root.put("commit", name);
    root.putObject("machine").put("cpu", "test").put("cores", 2);
    root.putObject("jdk").put("version", "25");
    root.putObject("load").putArray("before").add(1.0);
    ArrayNode results = root.putArray("results");
    for (Fake f : SUITE) {
      double scale = f.name().endsWith("Calibration.sort") ? machine : factor * machine;
      double mean = f.mode().equals("thrpt") ? f.mean() / scale : f.mean() * scale;
      ObjectNode r = results.addObject();
      r.put("benchmark", f.name());
      r.put("mode", f.mode());
      r.putObject("params");
      ObjectNode pm = r.putObject("primaryMetric");
      pm.put("score", mean).put("scoreError", mean * 0.02).put("scoreUnit", f.unit());
      ArrayNode raw = pm.putArray("rawData");
      for (int fork = 0; fork < 3; fork++) {
        double forkMean = mean * (1 + 0.05 * (random.nextDouble() * 2 - 1));
        ArrayNode it = raw.addArray();
        for (int i = 0; i < 4; i++) {
          it.add(forkMean * (1 + 0.03 * (random.nextDouble() * 2 - 1)));
        }
      }
    }
    Path file = dir.resolve(name + ".json");
    new RunFile(root).write(file);
    return file;
  }

  private static Result tool(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchTool.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}

  @Test
  void compare_plantedTwoFoldSlowdown_regressionExitsOne() throws IOException {
    Result r = tool("compare", run("a", 1, 1, 1).toString(), run("b", 2, 1, 2).toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("EtcdBenchmark.allEtcd") && r.out().contains("REGRESSION"), r.out());
    assertTrue(r.out().contains("2 regressions beyond 1.10x"), r.out()); // etcd and the throughput benchmark
  }

  @Test
  void compare_noiseAlone_noRegressionExitsZero() throws IOException {
    for (long seed = 10; seed < 20; seed++) {
      Result r = tool("compare", run("a" + seed, 1, 1, seed).toString(), run("b" + seed, 1, 1, seed + 100).toString());
      assertEquals(0, r.code(), r.out() + r.err());
    }
  }

  @Test
  void compare_slowerMachine_regressionUnlessNormalized() throws IOException {
    Path a = run("a", 1, 1, 3);
    Path b = run("b", 1, 1.8, 4);
    assertEquals(1, tool("compare", a.toString(), b.toString()).code());
    Result normalized = tool("compare", "--normalize", a.toString(), b.toString());
    assertEquals(0, normalized.code(), normalized.out());
    assertTrue(normalized.out().contains("B's machine took 1.8"), normalized.out());
  }

  @Test
  void compare_notARunFile_failsWithTheFileName() throws IOException {
    Path bogus = Files.writeString(dir.resolve("bogus.json"), "{\"hello\": 1}");
    Result r = tool("compare", bogus.toString(), run("b", 1, 1, 5).toString());
    assertEquals(BenchTool.FAILED, r.code());
    assertTrue(r.err().contains("bogus.json"), r.err());
  }

  @Test
  void ratio_throughputHalved_isSlowdownOfTwo() {
    Measurement a = new Measurement("t", java.util.Map.of(), "thrpt", "ops/s", new double[][] {{100, 100}, {100, 100}});
    Measurement b = new Measurement("t", java.util.Map.of(), "thrpt", "ops/s", new double[][] {{50, 50}, {50, 50}});
    Ratio r = Ratio.of(a, b, null, null, 0.95);
    assertEquals(2.0, r.factor(), 1e-9);
    assertEquals(2.0, r.low(), 1e-9);
    assertTrue(r.regression(1.5));
  }

  @Test
  void trend_threeRuns_oneChartPerBenchmark() throws IOException {
    run("a", 1, 1, 1);
    run("b", 1.2, 1, 2);
    run("c", 0.9, 1, 3);
    Path svg = dir.resolve("trend.svg");
    Result r = tool("trend", "--dir", dir.toString(), "--out", svg.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<svg"), text);
    for (Fake f : SUITE) {
      String shortName = f.name().substring(f.name().lastIndexOf('.', f.name().lastIndexOf('.') - 1) + 1);
      assertTrue(text.contains(shortName + " ("), shortName);
    }
    assertEquals(9, count(text, "<circle"));
  }

  @Test
  void forksMerge_twoForks_keepsEveryIterationAndLoad() {
    List<ObjectNode> forks = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      ObjectNode r = RunFile.JSON.createObjectNode();
      r.put("benchmark", "x");
      r.putObject("primaryMetric").put("scoreUnit", "ms/op").putArray("rawData").addArray().add(1.0 + f).add(3.0 + f);
      r.putArray("load").add(0.5 + f);
      forks.add(r);
    }
    ObjectNode merged = Forks.merge(forks);
    assertEquals(2.5, merged.path("primaryMetric").path("score").asDouble(), 1e-9);
    assertEquals(2, merged.path("primaryMetric").path("rawData").size());
    assertEquals(2, merged.path("forks").asInt());
    assertEquals("[0.5,1.5]", merged.path("load").toString());
  }

  @Test
  void suite_quickJobs_existInThisBuild() {
    assertEquals(Suite.QUICK_JOBS.size(), Suite.quickJobs().size());
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
