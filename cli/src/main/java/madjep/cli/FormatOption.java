package madjep.cli;

import madjep.history.io.HistoryFormat;
import picocli.CommandLine.Option;

/** {@code --format edn|json|log}: overrides format detection for input histories. */
final class FormatOption {
  @Option(names = "--format", paramLabel = "edn|json|log",
      description = "Input format; detected from the content when absent.")
  String name;

  /** The chosen format, or null to detect it. */
  HistoryFormat format() {
    if (name == null) {
      return null;
    }
    HistoryFormat f = HistoryFormat.byName(name);
    if (f == null) {
      throw new UsageError("--format takes edn, json or log, not '" + name + "'");
    }
    return f;
  }
}
