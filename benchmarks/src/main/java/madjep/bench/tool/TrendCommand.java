package madjep.bench.tool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code madjep bench trend}: every benchmark across the recorded runs, as one SVG of small charts. */
@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    description = "Draw each benchmark's figure across the runs in benchmarks/history/ (oldest left), one chart per "
        + "benchmark, with JMH's 99.9%% error bars; hover a point for its commit, date, suite and load.")
final class TrendCommand implements Callable<Integer> {
  @Option(names = "--dir", paramLabel = "DIR", description = "The runs (default: benchmarks/history).")
  Path dir;

  @Option(names = "--out", paramLabel = "FILE", description = "The chart (default: DIR/trend.svg).")
  Path out;

  @Option(names = "--include", paramLabel = "REGEX", description = "Only the benchmarks whose names match.")
  String include;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path runsDir = dir != null ? dir : RunCommand.findRepo().resolve("benchmarks/history");
    List<RunFile> runs = new ArrayList<>();
    try (Stream<Path> files = Files.list(runsDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        runs.add(RunFile.read(f));
      }
    }
    if (runs.isEmpty()) {
      throw new IOException(runsDir + ": no runs recorded");
    }
    runs.sort(Comparator.comparing(r -> r.root.path("date").asText()));
    Path target = out != null ? out : runsDir.resolve("trend.svg");
    String svg = TrendChart.render(runs, include == null ? null : Pattern.compile(include));
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".trend-", ".svg.tmp");
    Files.writeString(tmp, svg, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    PrintWriter o = spec.commandLine().getOut();
    o.printf("madjep bench: %d runs -> %s%n", runs.size(), target);
    return 0;
  }
}
