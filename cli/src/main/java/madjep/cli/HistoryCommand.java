package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import madjep.history.History;
import madjep.history.HistoryProblem;
import madjep.history.HistoryStats;
import madjep.history.OpType;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code madjep history stats|convert}. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Inspect and convert histories (EDN, JSON / JSON Lines, jepsen.log).",
    subcommands = {HistoryCommand.Stats.class, HistoryCommand.Convert.class})
final class HistoryCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected 'history stats' or 'history convert'");
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = {
        "Print op counts by type and function, processes, peak concurrency, crashed ops, time span and the",
        "problems found pairing invocations with completions. Exits 65 when there are problems."
      })
  static final class Stats implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The history file.")
    Path file;

    @Mixin FormatOption format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      History h = Histories.read(file, format.format());
      PrintWriter out = spec.commandLine().getOut();
      HistoryStats s = HistoryStats.of(h);
      out.printf("%s: %d ops%n", file, s.ops());
      out.print("  by type:");
      for (OpType t : OpType.values()) {
        out.printf("  %s %d", t.keyword(), s.byType().get(t));
      }
      out.println();
      out.println("  by function:");
      for (Map.Entry<String, Map<OpType, Integer>> e : s.byFunction().entrySet()) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<OpType, Integer> c : e.getValue().entrySet()) {
          sb.append("  ").append(c.getKey().keyword()).append(' ').append(c.getValue());
        }
        out.printf("    %-12s%s%n", e.getKey(), sb);
      }
      out.printf("  processes: %d clients%s%n", s.clientProcesses(),
          s.namedProcesses().isEmpty() ? "" : ", named " + String.join(" ", s.namedProcesses()));
      out.printf("  peak concurrency: %d%n", s.peakConcurrency());
      out.printf("  crashed ops (:info or never completed): %d%n", s.crashed());
      if (s.minTime() >= 0 || s.maxTime() >= 0) {
        out.printf("  time span: %s (from %d to %d ns)%n", Durations.format(s.maxTime() - s.minTime()),
            s.minTime(), s.maxTime());
      } else {
        out.println("  time span: unknown (no :time)");
      }
      for (String note : h.readingNotes()) {
        out.printf("  read as: %s%n", note);
      }
      if (s.problemCount() == 0) {
        out.println("  problems: none");
        return 0;
      }
      out.printf("  problems: %d%n", s.problemCount());
      PrintWriter err = spec.commandLine().getErr();
      for (HistoryProblem p : h.problems()) {
        err.println(p.toError(h.source()).getMessage());
      }
      if (s.problemCount() > h.problems().size()) {
        err.printf("%s: ... and %d more problems%n", h.source(), s.problemCount() - h.problems().size());
      }
      return ExitCode.DATA;
    }
  }

  @Command(
      name = "convert",
      mixinStandardHelpOptions = true,
      description = {
        "Convert a history to EDN (Jepsen's history.edn) or JSON Lines. The output is written to a temporary",
        "file and renamed into place, so a failed run leaves no half-written file."
      })
  static final class Convert implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The history file to read.")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "edn|json", description = "Output format: edn or json.")
    String to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write.")
    Path output;

    @Mixin FormatOption format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      HistoryFormat target = HistoryFormat.byName(to);
      if (target != HistoryFormat.EDN && target != HistoryFormat.JSON) {
        throw new UsageError("--to takes edn or json, not '" + to + "'");
      }
      History h = Histories.read(file, format.format()).requireWellFormed();
      HistoryWriter.write(h, target, output);
      spec.commandLine().getOut().printf("%s: wrote %d ops as %s to %s%n", file, h.size(), target.cliName(), output);
      return 0;
    }
  }
}
