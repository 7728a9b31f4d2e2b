package madjep.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The training runs behind the {@code ./madjep} launcher's class-data sharing archives. One archive serves checks:
 * the commands users run most, on small histories, in one JVM, so that it holds the classes of each (readers of EDN
 * and jepsen.log, the register and kv models, the transactional checker). The other serves {@code sim} and {@code
 * demo} ({@code --sim}): a short simulation, checked, reported and stored, so that on JDK 25 and later the archive's
 * method profiles let the JIT compile a long simulation's hot code early. Two archives, because a check's start
 * would pay for mapping the simulator's classes, and a simulation's for the checks'. Prints nothing; the launcher
 * discards its output anyway.
 */
final class CdsTraining {
  private CdsTraining() {}

  /**
   * Runs the training commands.
   *
   * @param args {@code ROOT} for the checks' training, or {@code --sim ROOT STORE} for the simulation's: the
   *     repository's root directory, and the directory its run is stored in (the launcher makes and removes it)
   */
  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    if (args.length == 3 && args[0].equals("--sim")) {
      Main.run(simCommand(Path.of(args[1]), Path.of(args[2])), none, none);
      return;
    }
    for (String[] c : commands(Path.of(args.length > 0 ? args[0] : "."))) {
      Main.run(c, none, none);
    }
  }

  /** The checks' training commands, for the repository at {@code root}. */
  static String[][] commands(Path root) {
    String cds = root.resolve("cli/src/cds").toString();
    return new String[][] {
      {"check", "linear", "--model", "cas-register", "--initial", "0", cds + "/register.edn", cds + "/register.log"},
      {"check", "linear", "--model", "kv", cds + "/kv.edn"},
      {"check", "txn", "--workload", "list-append", cds + "/list-append.edn"},
      {"history", "stats", cds + "/register.log"},
    };
  }

  /** The simulation's training command, for the repository at {@code root}, storing into {@code store}. */
  static String[] simCommand(Path root, Path store) {
    return new String[] {"sim", "run", root.resolve("cli/src/cds/sim.toml").toString(), "--store", store.toString()};
  }
}
