package madjep.bench.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code madjep bench run}: measure a suite and record the run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the quick suite (--quick: one benchmark per checker and the calibration, for CI) or the full JMH suite "
          + "plus whole-process cold starts, and write one JSON file per run (JMH's results with the machine, JDK, "
          + "commit, date and load) to benchmarks/history/.",
      "",
      "With --baseline OTHER.jar (another build's benchmarks/target/benchmarks.jar) the two builds' forks alternate, "
          + "fork by fork, in one sitting, and the baseline's run is written too: compare the two files with "
          + "'madjep bench compare'."
    })
final class RunCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "The quick suite (about a minute; two minutes with --baseline).")
  boolean quick;

  @Option(names = "--include", paramLabel = "REGEX", description = "Only the benchmarks whose names match.")
  String include;

  @Option(names = "--forks", paramLabel = "N", description = "Forks per benchmark and build (default: 2).")
  Integer forks;

  @Option(names = "-wi", paramLabel = "N", description = "Warm-up iterations (quick: 2, full: 3).")
  Integer warmupIterations;

  @Option(names = "-i", paramLabel = "N", description = "Measured iterations (quick: 4, full: 5).")
  Integer iterations;

  @Option(names = "-w", paramLabel = "TIME", description = "Warm-up iteration time, JMH style (quick: 500ms, full: 1s).")
  String warmupTime;

  @Option(names = "-r", paramLabel = "TIME", description = "Measured iteration time (quick: 500ms, full: 1s).")
  String iterationTime;

  @Option(names = "--baseline", paramLabel = "JAR",
      description = "Another build's benchmarks jar, whose forks alternate with this build's.")
  Path baseline;

  @Option(names = "--baseline-out", paramLabel = "FILE",
      description = "Where the baseline's run goes (default: beside --out, named -baseline).")
  Path baselineOut;

  @Option(names = "--plant-slowdown", paramLabel = "F",
      description = "Make this build's benchmarks do their work F times (to test the regression gate).")
  Integer slowdown;

  @Option(names = "--cold", negatable = true,
      description = "Also time whole madjep processes (default: on for the full suite, off for --quick).")
  Boolean cold;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "7", description = "Runs of each cold-start command (default: 7).")
  int runs;

  @Option(names = "--porcupine", paramLabel = "DIR",
      description = "A Porcupine checkout holding porcupine.test (go test -c -o porcupine.test): time its check of "
          + "the same logs, alternating with madjep's.")
  Path porcupine;

  @Option(names = "--out", paramLabel = "FILE",
      description = "The run file (default: benchmarks/history/DATE-COMMIT-SUITE.json).")
  Path out;

  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: found from here).")
  Path repo;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter log = spec.commandLine().getOut();
    Path root = repo != null ? repo : findRepo();
    Suite.Settings base = quick ? Suite.QUICK : Suite.FULL;
    Suite.Settings s = new Suite.Settings(
        warmupIterations != null ? warmupIterations : base.warmupIterations(),
        warmupTime != null ? warmupTime : base.warmupTime(),
        iterations != null ? iterations : base.iterations(),
        iterationTime != null ? iterationTime : base.iterationTime(),
        forks != null ? forks : base.forks());
    if (s.forks() < 1 || runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--forks and --runs take at least 1");
    }
    List<Suite.Job> jobs = quick && include == null ? Suite.quickJobs() : Suite.jobs(include);
    if (jobs.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no benchmark matches " + include);
    }
    boolean withCold = cold == null ? !quick : cold;
    String suite = quick ? "quick" : include == null ? "full" : "partial";
    Environment env = new Environment(root);

    List<ForkRunner.Side> sides = new ArrayList<>();
    if (baseline != null) {
      sides.add(new ForkRunner.Side("baseline", baseline.toAbsolutePath(), List.of()));
    }
    sides.add(new ForkRunner.Side("this", ownJar(),
        slowdown == null ? List.of() : List.of("-Dmadjep.bench.slowdown=" + slowdown)));
    String command = "madjep bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    Map<String, RunFile> files = new LinkedHashMap<>();
    for (ForkRunner.Side side : sides) {
      files.put(side.name(), RunFile.start(suite, command + (side.name().equals("baseline") ? " (baseline)" : ""),
          env));
    }
    if (baseline != null) {
      files.get("baseline").root.put("commit", "baseline: " + baseline);
    }

    Path work = Files.createTempDirectory("madjep-bench-");
    ForkRunner runner = new ForkRunner(javaBinary(), work);
    int total = jobs.size() * s.forks() * sides.size();
    int done = 0;
    log.printf("madjep bench: %d benchmark%s x %d fork%s x %d build%s = %d processes (logs in %s)%n", jobs.size(),
        jobs.size() == 1 ? "" : "s", s.forks(), s.forks() == 1 ? "" : "s", sides.size(),
        sides.size() == 1 ? "" : "s", total, work);
    for (Suite.Job job : jobs) {
      Map<String, Map<String, List<ObjectNode>>> bySide = new LinkedHashMap<>();
      for (int fork = 1; fork <= s.forks(); fork++) {
        // Alternate which build goes first, so that neither always runs right after the other's JIT work.
        List<ForkRunner.Side> order = new ArrayList<>(sides);
        if (fork % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        for (ForkRunner.Side side : order) {
          List<ObjectNode> results = runner.run(side, job, s, fork);
          done++;
          for (ObjectNode r : results) {
            Measurement m = RunFile.measurement(r);
            bySide.computeIfAbsent(side.name(), k -> new LinkedHashMap<>())
                .computeIfAbsent(m.key(), k -> new ArrayList<>()).add(r);
            log.printf("[%d/%d] %-8s %s fork %d: %.4g %s (load %.2f)%n", done, total, side.name(), m.shortKey(),
                fork, m.mean(), m.unit(), r.path("load").path(0).asDouble());
          }
          log.flush();
        }
      }
      for (Map.Entry<String, Map<String, List<ObjectNode>>> e : bySide.entrySet()) {
        for (List<ObjectNode> forksOfOne : e.getValue().values()) {
          ObjectNode merged = Forks.merge(forksOfOne);
          merged.put("source", "jmh");
          files.get(e.getKey()).results().add(merged);
        }
      }
    }
    if (withCold) {
      Path corpus = Path.of(System.getProperty("madjep.corpus", root.resolveSibling("shared/corpus").toString()));
      log.printf("madjep bench: cold starts, %d runs each, alternating%n", runs);
      for (ObjectNode r : ColdStart.measure(ColdStart.probes(root, corpus, porcupine, work), runs, log)) {
        files.get("this").results().add(r);
      }
    }

    Path thisOut = out != null ? out : root.resolve("benchmarks/history").resolve(
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + env.commit() + "-" + suite
            + ".json");
    for (Map.Entry<String, RunFile> e : files.entrySet()) {
      ((ObjectNode) e.getValue().root.get("load")).set("after", env.loadArray());
      Path target = e.getKey().equals("this") ? thisOut : baselineOut != null ? baselineOut
          : thisOut.resolveSibling(thisOut.getFileName().toString().replaceFirst("(\\.json)?$", "-baseline.json"));
      e.getValue().write(target);
      log.printf("madjep bench: wrote %s (%s)%n", target, e.getKey());
    }
    return 0;
  }

  /** The benchmarks jar this command runs from: this build's forks run it. */
  private static Path ownJar() {
    try {
      Path p = Path.of(BenchTool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException("madjep bench runs from benchmarks/target/benchmarks.jar, not from " + p);
      }
      return p;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The nearest directory upward from here that holds the {@code madjep} launcher and a pom. */
  static Path findRepo() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("madjep")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("run madjep bench inside the repository, or give --repo");
  }
}
