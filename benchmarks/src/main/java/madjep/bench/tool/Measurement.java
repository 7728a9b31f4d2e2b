package madjep.bench.tool;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One benchmark's samples in one run: forks (independent processes) of iterations, in {@code unit}.
 *
 * @param benchmark the benchmark's name, such as {@code madjep.bench.linear.EtcdBenchmark.allEtcd}
 * @param params its JMH parameters, sorted by name
 * @param mode JMH's short mode ({@code avgt}, {@code thrpt}, {@code ss}, {@code sample})
 * @param unit the unit of the samples, such as {@code ms/op} or {@code ops/s}
 * @param forks the samples, one array per fork
 */
record Measurement(String benchmark, Map<String, String> params, String mode, String unit, double[][] forks) {
  Measurement {
    params = new TreeMap<>(params);
  }

  /** What identifies the benchmark across runs: its name and parameters. */
  String key() {
    if (params.isEmpty()) {
      return benchmark;
    }
    StringJoiner j = new StringJoiner(",", benchmark + " ", "");
    params.forEach((k, v) -> j.add(k + "=" + v));
    return j.toString();
  }

  /** The name without the package, for tables and charts. */
  String shortKey() {
    String k = key();
    int space = k.indexOf(' ');
    String name = space < 0 ? k : k.substring(0, space);
    String[] parts = name.split("\\.");
    String tail = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : name;
    return space < 0 ? tail : tail + k.substring(space);
  }

  /** Throughput: a larger number is better; every other mode measures time. */
  boolean higherIsBetter() {
    return mode.equals("thrpt");
  }

  /** The mean of all samples. */
  double mean() {
    double sum = 0;
    int n = 0;
    for (double[] f : forks) {
      for (double v : f) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** How many samples there are. */
  int samples() {
    int n = 0;
    for (double[] f : forks) {
      n += f.length;
    }
    return n;
  }
}
