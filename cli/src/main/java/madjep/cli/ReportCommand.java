package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import madjep.harness.StoredRun;
import madjep.history.History;
import madjep.history.HistoryStats;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code madjep report STORE_DIR}: what a stored run found, from its {@code results.edn} and {@code history.edn}.
 * Works on MadJep's runs and on Jepsen's own store directories, which share the layout.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Summarize a stored run: the verdict and its explanation, the checker, the faults, and the history's counts.",
      "STORE_DIR is a run directory (holding results.edn), or a store or scenario directory whose 'latest' link",
      "points at one. Exits as the run's verdict did: 0 valid, 1 invalid, 2 unknown."
    })
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "STORE_DIR", description = "A run directory, or a store whose 'latest' names one.")
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
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
    return ExitCode.of(run.verdict());
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
