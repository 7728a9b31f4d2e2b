package madjep.cli;

import madjep.history.io.HistoryFormat;
import picocli.CommandLine.Option;

/** {@code --format edn|json|log}: overrides format detection for input histories. */
final class FormatOption {
  @Option(names = "--format", paramLabel = "edn|json|log|etcd",
      description = "Input format; detected from the content when absent (a directory is an etcd report).")
  String name;

  /** The chosen format, or null to detect it. */
  HistoryFormat format() {
    if (name == null) {
      return null;
    }
    HistoryFormat f = HistoryFormat.byName(name);
    if (f == null) {
      throw new UsageError("--format takes edn, json, log or etcd, not '" + name + "'");
    }
    return f;
  }
}
