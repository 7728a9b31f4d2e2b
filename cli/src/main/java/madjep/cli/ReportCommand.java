package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private static final Keyword VALID = Keyword.of("valid?");

  @Parameters(paramLabel = "STORE_DIR", description = "A run directory, or a store whose 'latest' names one.")
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
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
    return ExitCode.of(verdict);
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
