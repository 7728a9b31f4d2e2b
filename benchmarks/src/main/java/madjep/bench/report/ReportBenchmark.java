package madjep.bench.report;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import madjep.bench.history.GeneratedHistories;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.report.HtmlReport;
import madjep.report.Report;
import madjep.report.RunInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The page of a valid 1M-op register history ({@code report.html} of a long run): the history-only part a
 * simulated run's store makes while the run is checked ({@link HtmlReport#prepare}), the page from it, and the page
 * from nothing. Milliseconds per page, single threaded.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.report.ReportBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReportBenchmark {
  static final int OPS = 1_000_000;

  History h;
  RunInfo run;
  Report report;
  HtmlReport.Prepared prepared;

  @Setup(Level.Trial)
  public void setup() {
    h = GeneratedHistories.register(OPS, 10, 42);
    run = RunInfo.of("bench", 42L, "madjep sim run bench --seed 42");
    report = new Report("bench", h, Map.of(Keyword.of("valid?"), true), run);
    prepared = HtmlReport.prepare(h, run);
  }

  @Benchmark
  public HtmlReport.Prepared prepare() {
    return HtmlReport.prepare(h, run);
  }

  @Benchmark
  public String renderPrepared() {
    return HtmlReport.render(report, prepared);
  }

  @Benchmark
  public String renderWhole() {
    return HtmlReport.render(report);
  }
}
