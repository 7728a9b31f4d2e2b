package example;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryReader;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.LinearizabilityOptions;
import madjep.linear.LinearizabilityResult;
import madjep.linear.Models;
import madjep.txn.TxnChecker;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.Workload;

/**
 * Runs both checkers the way a test suite of one's own would: a register history against checker-linear, and a
 * list-append history against checker-txn's Elle-style check. With file arguments it checks those files instead
 * ({@code register FILE} or {@code list-append FILE}) and prints one line per file.
 */
public final class CheckBoth {
  private CheckBoth() {}

  /** A write of 1 completes, then a read returns 2: no order of the two explains the read. */
  static History staleRegister() {
    return History.of(Op.invoke(0, "write", 1L), Op.ok(0, "write", 1L),
        Op.invoke(1, "read", null), Op.ok(1, "read", 2L));
  }

  /** Write skew: each transaction appends to one key and reads the other empty. */
  static History writeSkew() {
    Keyword append = Keyword.of("append");
    Keyword r = Keyword.of("r");
    Keyword x = Keyword.of("x");
    Keyword y = Keyword.of("y");
    return History.of(
        Op.invoke(0, "txn", EdnVector.of(EdnVector.of(append, x, 1L), EdnVector.of(r, y, null))),
        Op.invoke(1, "txn", EdnVector.of(EdnVector.of(append, y, 1L), EdnVector.of(r, x, null))),
        Op.ok(0, "txn", EdnVector.of(EdnVector.of(append, x, 1L), EdnVector.of(r, y, EdnVector.of()))),
        Op.ok(1, "txn", EdnVector.of(EdnVector.of(append, y, 1L), EdnVector.of(r, x, EdnVector.of()))));
  }

  /** The register check: a verdict and, when invalid, the checker's one-sentence explanation. */
  static String checkRegister(History h) {
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("cas-register", 0L),
        LinearizabilityOptions.defaults());
    return r.verdict() == Verdict.INVALID ? "invalid: " + r.failure().explanation() : r.verdict().toString();
  }

  /** The transactional check for serializability: a verdict and the anomaly types found. */
  static String checkListAppend(History h) {
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withModels("serializable"));
    return r.valid() == Verdict.INVALID ? "invalid: " + r.anomalyTypes() : r.valid().toString();
  }

  /** The lines {@link #main} prints for these arguments. */
  static List<String> run(String... args) throws IOException {
    List<String> lines = new ArrayList<>();
    if (args.length == 0) {
      lines.add("register: " + checkRegister(staleRegister()));
      lines.add("list-append: " + checkListAppend(writeSkew()));
      return lines;
    }
    for (int i = 1; i < args.length; i++) {
      History h = HistoryReader.read(Path.of(args[i])).requireWellFormed();
      lines.add(args[i] + ": " + (args[0].equals("register") ? checkRegister(h) : checkListAppend(h)));
    }
    return lines;
  }

  /**
   * Checks the built-in examples, or files.
   *
   * @param args nothing, or {@code register FILE...} or {@code list-append FILE...}
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    for (String line : run(args)) {
      System.out.println(line);
    }
  }
}
