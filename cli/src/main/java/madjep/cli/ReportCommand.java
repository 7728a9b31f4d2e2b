package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryStats;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Model;
import madjep.linear.Models;
import madjep.report.HtmlReport;
import madjep.report.Report;
import madjep.report.RunInfo;
import madjep.txn.Deadline;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code madjep report [--html OUT] STORE_DIR} summarizes a stored run, from its {@code results.edn} and {@code
 * history.edn}, and with {@code --html} draws its page; works on MadJep's runs and on Jepsen's own store
 * directories, which share the layout. {@code madjep report --html OUT FILE --model M|--workload W} checks a
 * history from elsewhere and draws its page.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Summarize a stored run: the verdict and its explanation, the checker, the faults, and the history's counts.",
      "STORE_DIR is a run directory (holding results.edn), or a store or scenario directory whose 'latest' link",
      "points at one. With --html OUT, also write its report page (one self-contained HTML file).",
      "A history FILE is checked first, by the checker its options choose (--model: linearizability, as 'check",
      "linear'; --workload: transactions, as 'check txn'); Jepsen's other checkers: 'check NAME --html OUT FILE'.",
      "Exits as the verdict: 0 valid, 1 invalid, 2 unknown."
    })
final class ReportCommand implements Callable<Integer> {
  private static final Keyword VALID = Keyword.of("valid?");

  @Parameters(paramLabel = "STORE_DIR|FILE",
      description = "A run directory, a store whose 'latest' names one, or a history file (with --html).")
  Path dir;

  @Option(names = "--html", paramLabel = "OUT", description = "Write the report page to OUT.")
  Path html;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "FILE: check linearizability against MODEL (as 'check linear --model').")
  String model;

  @Option(names = "--initial", paramLabel = "EDN", description = "FILE: the model's initial value, as EDN.")
  String initial;

  @Option(names = "--independent", description = "FILE: values are [key value] tuples; check each key apart.")
  boolean independent;

  @Option(names = "--workload", paramLabel = "list-append|rw-register",
      description = "FILE: check transactions as Elle does (as 'check txn --workload').")
  String workload;

  @Option(names = "--consistency-models", split = ",", paramLabel = "M",
      description = "FILE, with --workload: the models the history should satisfy (default strict-serializable).")
  List<String> models;

  @Option(names = "--timeout", paramLabel = "D", converter = Durations.Converter.class,
      description = "FILE: the checker's time limit (default: 60s); past it the verdict is unknown.")
  Duration timeout = Duration.ofSeconds(60);

  @Mixin FormatOption format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (Files.isRegularFile(dir)) {
      return historyPage();
    }
    if (model != null || workload != null) {
      throw new UsageError("--model and --workload choose the checker of a history FILE; " + dir
          + " is a store, which holds its results");
    }
    Path run = runDirectory(dir);
    Path resultsFile = run.resolve("results.edn");
    Object parsed = EdnParser.parse(Files.readString(resultsFile, StandardCharsets.UTF_8), resultsFile.toString());
    if (!(parsed instanceof Map<?, ?> results) || !results.containsKey(VALID)) {
      throw new DataError(resultsFile.toString(), 1, 1, -1, "expected a results map with :valid?, found "
          + EdnParser.describe(parsed));
    }
    PrintWriter out = spec.commandLine().getOut();
    Verdict verdict = Verdict.fromData(results.get(VALID));
    out.printf("%s: %s%n", run, VerdictText.word(verdict));
    line(out, "scenario", results.get(Keyword.of("scenario")));
    line(out, "seed", results.get(Keyword.of("seed")));
    line(out, "checker", results.get(Keyword.of("checker")));
    line(out, "checker options", results.get(Keyword.of("checker-options")));
    line(out, "faults", results.get(Keyword.of("faults")));
    Object inner = results.get(Keyword.of("results"));
    Map<?, ?> checked = inner instanceof Map<?, ?> m ? m : results;
    line(out, "anomaly types", checked.get(Keyword.of("anomaly-types")));
    line(out, "not", checked.get(Keyword.of("not")));
    for (String explanation : explanations(checked)) {
      out.println("  explanation: " + explanation);
    }
    line(out, "replay", results.get(Keyword.of("replay")));
    Path historyFile = run.resolve("history.edn");
    if (Files.isRegularFile(historyFile)) {
      History h = Histories.read(historyFile, null);
      HistoryStats s = HistoryStats.of(h);
      out.printf("  history: %d ops, %d client processes%s, peak concurrency %d, %d crashed ops%s%n", s.ops(),
          s.clientProcesses(), s.namedProcesses().isEmpty() ? "" : " and " + String.join(" ", s.namedProcesses()),
          s.peakConcurrency(), s.crashed(),
          s.minTime() < 0 ? "" : ", " + Durations.format(s.maxTime() - s.minTime()));
    }
    out.println("  files: " + String.join(" ", files(run)));
    if (html != null) {
      HtmlReport.write(storedPage(run, results), html);
      out.println("  page: " + html);
    }
    return ExitCode.of(verdict);
  }

  /** Checks a history file with the checker the options choose, and writes its page. */
  private int historyPage() throws IOException {
    if (html == null) {
      throw new UsageError("a history FILE needs --html OUT (and --model or --workload): " + dir);
    }
    if ((model == null) == (workload == null)) {
      throw new UsageError("choose the checker of " + dir + ": --model MODEL (linearizability) or --workload "
          + "list-append|rw-register (transactions); for Jepsen's other checkers: madjep check NAME --html OUT FILE");
    }
    History h = Histories.read(dir, format.format()).requireWellFormed();
    Map<Keyword, Object> data;
    Verdict verdict;
    if (model != null) {
      Model m;
      try {
        m = Models.parse(model, initial);
      } catch (IllegalArgumentException e) {
        throw new UsageError("--model/--initial: " + e.getMessage());
      }
      madjep.linear.Result r = LinearizabilityChecker.check(h, m,
          madjep.linear.Options.defaults().withIndependent(independent).withTimeout(timeout));
      data = r.toData();
      verdict = r.verdict();
    } else {
      Workload w = Workload.byName(workload);
      if (w == null) {
        throw new UsageError("--workload takes list-append or rw-register, not '" + workload + "'");
      }
      madjep.txn.Options o;
      try {
        o = madjep.txn.Options.of(w).withDeadline(Deadline.after(timeout));
        if (models != null) {
          o = o.withModels(models);
        }
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
      madjep.txn.Result r = TxnChecker.check(h, o);
      data = r.toData();
      verdict = r.valid();
    }
    HtmlReport.write(Report.of(dir.toString(), h, data), html);
    spec.commandLine().getOut().printf("%s: %s; page: %s%n", dir, VerdictText.word(verdict), html);
    return ExitCode.of(verdict);
  }

  /** The page of a stored run: its history, results, resolved scenario and the leaders its trace names. */
  private static Report storedPage(Path run, Map<?, ?> results) throws IOException {
    History h = Histories.read(run.resolve("history.edn"), null);
    Object seed = results.get(Keyword.of("seed"));
    Object scenario = results.get(Keyword.of("scenario"));
    Object replay = results.get(Keyword.of("replay"));
    Object faults = results.get(Keyword.of("faults"));
    Map<String, Long> counters = new LinkedHashMap<>();
    if (results.get(Keyword.of("stats")) instanceof Map<?, ?> stats) {
      for (Map.Entry<?, ?> e : stats.entrySet()) {
        if (e.getValue() instanceof Number n) {
          counters.put(e.getKey() instanceof Keyword k ? k.name() : String.valueOf(e.getKey()), n.longValue());
        }
      }
    }
    Path toml = run.resolve("scenario.toml");
    Path trace = run.resolve("trace.log");
    RunInfo info = RunInfo.of(scenario == null ? null : scenario.toString(),
            seed instanceof Number n ? n.longValue() : null, replay == null ? null : replay.toString())
        .withFaultSettings(faults == null ? null : faults.toString())
        .withCounters(counters)
        .withResolvedScenario(Files.isRegularFile(toml) ? Files.readString(toml, StandardCharsets.UTF_8) : null)
        .withAnnouncements(Files.isRegularFile(trace)
            ? RunInfo.leadersFromTrace(Files.readString(trace, StandardCharsets.UTF_8)) : null);
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> data = (Map<Keyword, Object>) results;
    String title = scenario == null ? run.toString() : scenario + (seed == null ? "" : " seed " + seed);
    return new Report(title, h, data, info);
  }

  /** The run directory {@code d} names: itself when it holds results.edn, else what its 'latest' link names. */
  static Path runDirectory(Path d) {
    if (Files.isRegularFile(d.resolve("results.edn"))) {
      return d;
    }
    Path latest = d.resolve("latest");
    if (Files.isRegularFile(latest.resolve("results.edn"))) {
      return latest;
    }
    if (!Files.exists(d)) {
      throw new DataError(d.toString(), 0, 0, -1, "expected a store or run directory, found no such file");
    }
    throw new DataError(d.toString(), 0, 0, -1,
        "expected a run directory holding results.edn, or a store whose 'latest' names one, found neither");
  }

  private static void line(PrintWriter out, String label, Object v) {
    if (v == null) {
      return;
    }
    String text = v instanceof String s ? s : Edn.print(v);
    if (text.length() > 300) {
      text = text.substring(0, 297) + "...";
    }
    out.printf("  %s: %s%n", label, text);
  }

  /** Every {@code :explanation} string inside the results, breadth first, at most five. */
  private static List<String> explanations(Object results) {
    List<String> found = new ArrayList<>();
    List<Object> queue = new ArrayList<>(List.of(results));
    for (int i = 0; i < queue.size() && found.size() < 5; i++) {
      Object v = queue.get(i);
      if (v instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getKey() == Keyword.of("explanation") && e.getValue() instanceof String s) {
            found.add(s);
          } else {
            queue.add(e.getValue());
          }
        }
      } else if (v instanceof Collection<?> c) {
        queue.addAll(c);
      }
    }
    return found;
  }

  private static List<String> files(Path run) throws IOException {
    try (Stream<Path> s = Files.list(run)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }
}
