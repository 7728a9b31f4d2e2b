package madjep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.report.HtmlReport;
import madjep.report.Report;
import picocli.CommandLine.Option;

/** {@code --html OUT}: also write the report page of the checked history (one self-contained HTML file). */
final class HtmlOption {
  @Option(names = "--html", paramLabel = "OUT",
      description = "Also write a report page to OUT: verdict, timeline with faults, the violation, plots (one "
          + "self-contained HTML file).")
  Path out;

  boolean wanted() {
    return out != null;
  }

  /** Writes the page of {@code file}'s history and the checker's result, when {@code --html} was given. */
  void write(Path file, History h, Map<Keyword, Object> result) throws IOException {
    if (out != null) {
      HtmlReport.write(Report.of(file.toString(), h, result), out);
    }
  }
}
