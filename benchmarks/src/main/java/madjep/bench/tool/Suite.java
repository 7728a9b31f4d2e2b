package madjep.bench.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Optional;

/**
 * What a run measures and how long: the quick suite (a few seconds per benchmark, one benchmark per checker plus the
 * machine's calibration, for CI) or the full suite (every benchmark, every parameter combination).
 */
final class Suite {
  /** One benchmark method with all of its parameters fixed: what one process measures. */
  record Job(String benchmark, Map<String, String> params, List<String> jvmArgs) {
    String label() {
      StringBuilder sb = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
      params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
      return sb.toString();
    }
  }

  /** JMH's iteration settings for every job of a run. */
  record Settings(int warmupIterations, String warmupTime, int iterations, String iterationTime, int forks) {}

  static final Settings QUICK = new Settings(2, "500ms", 4, "500ms", 2);
  static final Settings FULL = new Settings(3, "1s", 5, "1s", 2);

  /** The quick suite: each checker's main hot path and the calibration, with their parameters pinned. */
  static final List<Job> QUICK_JOBS = List.of(
      new Job("madjep.bench.Calibration.sort", Map.of(), List.of()),
      new Job("madjep.bench.linear.EtcdBenchmark.allEtcd", Map.of("bitsets", "LONGS"), List.of()),
      new Job("madjep.bench.linear.KvBenchmark.check", Map.of("file", "c50-ok", "threads", "1"), List.of()),
      new Job("madjep.bench.txn.HugeSccBenchmark.check", Map.of(), List.of()));

  private Suite() {}

  /**
   * The jobs of the benchmarks whose names match {@code include} (every benchmark when null), one per combination
   * of their declared parameter values, with the JVM options their {@code @Fork} asks for.
   */
  static List<Job> jobs(String include) {
    SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
        List.of(include == null ? ".*" : include), List.of());
    List<Job> jobs = new ArrayList<>();
    Pattern p = include == null ? null : Pattern.compile(include);
    for (BenchmarkListEntry e : entries) {
      if (p != null && !p.matcher(e.getUsername()).find()) {
        continue;
      }
      List<String> jvm = new ArrayList<>();
      addAll(jvm, e.getJvmArgsPrepend());
      addAll(jvm, e.getJvmArgs());
      addAll(jvm, e.getJvmArgsAppend());
      List<Map<String, String>> combos = new ArrayList<>();
      combos.add(new LinkedHashMap<>());
      Optional<Map<String, String[]>> params = e.getParams();
      if (params.hasValue()) {
        for (Map.Entry<String, String[]> param : params.get().entrySet()) {
          if (param.getValue().length == 0) {
            continue; // an enum without listed values: JMH runs each constant in the same process
          }
          List<Map<String, String>> next = new ArrayList<>();
          for (Map<String, String> c : combos) {
            for (String v : param.getValue()) {
              Map<String, String> m = new LinkedHashMap<>(c);
              m.put(param.getKey(), v);
              next.add(m);
            }
          }
          combos = next;
        }
      }
      for (Map<String, String> c : combos) {
        jobs.add(new Job(e.getUsername(), c, jvm));
      }
    }
    return jobs;
  }

  /** The quick jobs, with the JVM options that their benchmarks' {@code @Fork} asks for. */
  static List<Job> quickJobs() {
    List<Job> out = new ArrayList<>();
    for (Job q : QUICK_JOBS) {
      List<Job> found = jobs("^" + Pattern.quote(q.benchmark()) + "$");
      if (found.isEmpty()) {
        throw new IllegalStateException("the quick suite names " + q.benchmark() + ", which this jar does not have");
      }
      out.add(new Job(q.benchmark(), q.params(), found.get(0).jvmArgs()));
    }
    return out;
  }

  private static void addAll(List<String> to, Optional<Collection<String>> from) {
    if (from.hasValue()) {
      to.addAll(from.get());
    }
  }
}
