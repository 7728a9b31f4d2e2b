package madjep.bench.tool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code madjep bench compare A.json B.json}: per benchmark, how much slower B is, and whether that is a regression. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two runs benchmark by benchmark: B/A is B's time over A's (A's throughput over B's), so 2.00x means "
          + "B takes twice as long; the interval is a bootstrap over forks and iterations. A regression is a "
          + "benchmark whose whole interval lies above the threshold. Exit 0 no regression, 1 a regression, "
          + "64 usage, 70 unreadable files.",
      "",
      "Runs from one sitting (bench run --baseline) compare as they are. Runs from different sittings or machines "
          + "compare with --normalize, which divides every ratio by the calibration benchmark's."
    })
final class CompareCommand implements Callable<Integer> {
  static final String CALIBRATION = "madjep.bench.Calibration.sort";

  @Parameters(index = "0", paramLabel = "A.json", description = "The baseline run.")
  Path a;

  @Parameters(index = "1", paramLabel = "B.json", description = "The run to judge.")
  Path b;

  @Option(names = "--threshold", paramLabel = "X", defaultValue = "1.10",
      description = "A regression is B slower than A by more than this factor, with confidence (default: 1.10).")
  double threshold;

  @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95",
      description = "The confidence of the intervals (default: 0.95).")
  double confidence;

  @Option(names = "--normalize", description = "Divide every ratio by the calibration benchmark's ratio.")
  boolean normalize;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (threshold < 1 || confidence <= 0 || confidence >= 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threshold takes a factor of at least 1 and --confidence a probability between 0 and 1");
    }
    RunFile runA = RunFile.read(a);
    RunFile runB = RunFile.read(b);
    PrintWriter out = spec.commandLine().getOut();
    out.println("A: " + a + ": " + runA.describe());
    out.println("B: " + b + ": " + runB.describe());
    Map<String, Measurement> ma = runA.measurements();
    Map<String, Measurement> mb = runB.measurements();
    Measurement calA = null;
    Measurement calB = null;
    if (normalize) {
      calA = ma.get(CALIBRATION);
      calB = mb.get(CALIBRATION);
      if (calA == null || calB == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--normalize needs " + CALIBRATION + " in both runs");
      }
      Ratio machine = Ratio.of(calA, calB, null, null, confidence);
      out.printf("Normalized by the calibration: B's machine took %.2fx A's time [%.2f, %.2f]%n", machine.factor(),
          machine.low(), machine.high());
    }
    out.printf("%-58s %14s %14s %8s %17s%n", "benchmark", "A", "B", "B/A", (int) Math.round(confidence * 100)
        + "% interval");
    int regressions = 0;
    int compared = 0;
    for (Map.Entry<String, Measurement> e : mb.entrySet()) {
      Measurement mA = ma.get(e.getKey());
      Measurement mB = e.getValue();
      if (mA == null) {
        out.printf("%-58s %14s %14s  (new in B)%n", mB.shortKey(), "-", value(mB));
        continue;
      }
      if (normalize && e.getKey().equals(CALIBRATION)) {
        continue;
      }
      if (!mA.unit().equals(mB.unit()) || !mA.mode().equals(mB.mode())) {
        out.printf("%-58s  units differ (%s %s, %s %s): not compared%n", mB.shortKey(), mA.mode(), mA.unit(),
            mB.mode(), mB.unit());
        continue;
      }
      Ratio r = Ratio.of(mA, mB, calA, calB, confidence);
      compared++;
      String mark = r.regression(threshold) ? "REGRESSION" : r.improvement(threshold) ? "faster" : "";
      if (r.regression(threshold)) {
        regressions++;
      }
      out.printf("%-58s %14s %14s %7.2fx [%6.2f, %6.2f] %s%n", mB.shortKey(), value(mA), value(mB), r.factor(),
          r.low(), r.high(), mark);
    }
    for (String k : ma.keySet()) {
      if (!mb.containsKey(k)) {
        out.printf("%-58s %14s %14s  (missing in B)%n", ma.get(k).shortKey(), value(ma.get(k)), "-");
      }
    }
    if (compared == 0) {
      throw new IOException("the two runs share no benchmark");
    }
    out.printf("%d compared, %d regression%s beyond %.2fx%n", compared, regressions, regressions == 1 ? "" : "s",
        threshold);
    return regressions > 0 ? 1 : 0;
  }

  private static String value(Measurement m) {
    return String.format("%.4g %s", m.mean(), m.unit());
  }
}
