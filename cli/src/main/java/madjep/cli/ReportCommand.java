package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import madjep.harness.RunPages;
import madjep.harness.StoredRun;
import madjep.history.History;
import madjep.history.HistoryStats;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Model;
import madjep.linear.Models;
import madjep.report.HtmlReport;
import madjep.report.Report;
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
    StoredRun run = StoredRun.read(dir);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %s%n", run.dir(), VerdictText.word(run.verdict()));
    for (String key : List.of("causes", "scenario", "system", "seed", "checker", "checker-options", "faults")) {
      line(out, key.replace('-', ' '), run.get(key));
    }
    line(out, "anomaly types", run.checked().get(Keyword.of("anomaly-types")));
    line(out, "not", run.checked().get(Keyword.of("not")));
    for (String explanation : run.explanations(5)) {
      out.println("  explanation: " + explanation);
    }
    line(out, "replay", run.get("replay"));
    Path historyFile = run.dir().resolve("history.edn");
    if (Files.isRegularFile(historyFile)) {
      History h = Histories.read(historyFile, null);
      HistoryStats s = HistoryStats.of(h);
      out.printf("  history: %d ops, %d client processes%s, peak concurrency %d, %d crashed ops%s%n", s.ops(),
          s.clientProcesses(), s.namedProcesses().isEmpty() ? "" : " and " + String.join(" ", s.namedProcesses()),
          s.peakConcurrency(), s.crashed(),
          s.minTime() < 0 ? "" : ", " + Durations.format(s.maxTime() - s.minTime()));
    }
    out.println("  files: " + String.join(" ", run.files()));
    if (html != null) {
      HtmlReport.write(RunPages.of(run), html);
      out.println("  page: " + html);
    }
    return ExitCode.of(run.verdict());
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
      madjep.linear.LinearizabilityResult r = LinearizabilityChecker.check(h, m,
          madjep.linear.LinearizabilityOptions.defaults().withIndependent(independent).withTimeout(timeout));
      data = r.toData();
      verdict = r.verdict();
    } else {
      Workload w = Workload.byName(workload);
      if (w == null) {
        throw new UsageError("--workload takes list-append or rw-register, not '" + workload + "'");
      }
      madjep.txn.TxnOptions o;
      try {
        o = madjep.txn.TxnOptions.of(w).withDeadline(Deadline.after(timeout));
        if (models != null) {
          o = o.withModels(models);
        }
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
      madjep.txn.TxnResult r = TxnChecker.check(h, o);
      data = r.toData();
      verdict = r.valid();
    }
    HtmlReport.write(Report.of(dir.toString(), h, data), html);
    spec.commandLine().getOut().printf("%s: %s; page: %s%n", dir, VerdictText.word(verdict), html);
    return ExitCode.of(verdict);
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
}
