package madjep.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The training run behind the {@code ./madjep} launcher's class-data sharing archive: the commands users run most,
 * on small histories, in one JVM, so that the archive holds the classes of each (readers of EDN and jepsen.log,
 * the register and kv models, the transactional checker). Prints nothing; the launcher discards its output anyway.
 */
final class CdsTraining {
  private CdsTraining() {}

  /**
   * Runs the training commands.
   *
   * @param args the repository's root directory
   */
  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    for (String[] c : commands(Path.of(args.length > 0 ? args[0] : "."))) {
      Main.run(c, none, none);
    }
  }

  /** The training commands, for the repository at {@code root}. */
  static String[][] commands(Path root) {
    String cds = root.resolve("cli/src/cds").toString();
    return new String[][] {
      {"check", "linear", "--model", "cas-register", "--initial", "0", cds + "/register.edn", cds + "/register.log"},
      {"check", "linear", "--model", "kv", cds + "/kv.edn"},
      {"check", "txn", "--workload", "list-append", cds + "/list-append.edn"},
      {"history", "stats", cds + "/register.log"},
    };
  }
}
