package madjep.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import madjep.history.History;
import madjep.history.io.HistoryReader;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Models;
import madjep.linear.LinearizabilityOptions;
import madjep.linear.LinearizabilityResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of the report page, compiled and run. */
class ReadmeReportExampleTest {
  @Test
  void reportExample_staleRead_writesPageWithTheViolation(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("history.edn");
    Files.write(file, List.of(
        "{:type :invoke, :f :write, :value 1, :process 0, :time 0}",
        "{:type :ok, :f :write, :value 1, :process 0, :time 100}",
        "{:type :invoke, :f :read, :value nil, :process 1, :time 200}",
        "{:type :ok, :f :read, :value 0, :process 1, :time 300}"));
    Path out = dir.resolve("report.html");
    // --- README: Draw the report page of a checked history
    History h = HistoryReader.read(file).requireWellFormed();
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("register", 0L),
        LinearizabilityOptions.defaults());
    HtmlReport.write(Report.of("history.edn", h, r.toData()), out);
    // ---
    String page = Files.readString(out);
    assertTrue(page.contains("id=\"verdict\">INVALID<"), "the verdict");
    assertTrue(page.contains("id=\"closeup-violation\""), "the violation, marked");
  }
}
