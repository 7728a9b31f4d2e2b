package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.AtomicFiles;
import madjep.history.io.JsonValues;
import madjep.txn.jepsen.BankChecker;
import madjep.txn.jepsen.CounterChecker;
import madjep.txn.jepsen.JepsenResult;
import madjep.txn.jepsen.LongForkChecker;
import madjep.txn.jepsen.SetChecker;
import madjep.txn.jepsen.SetFullChecker;
import madjep.txn.jepsen.TotalQueueChecker;
import madjep.txn.jepsen.UniqueIdsChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code madjep check bank|counter|set|set-full|long-fork|unique-ids|total-queue [options] [--json OUT] FILE}:
 * Jepsen's standard checkers. Each prints a short text summary of Jepsen's result map, writes the whole map as JSON
 * with {@code --json}, and exits 0 valid, 1 invalid, 2 unknown, 64 usage, 65 bad data.
 */
final class CheckJepsenCommands {
  private CheckJepsenCommands() {}

  /** Longer values are cut in the text summary; {@code --json} has them whole. */
  static final int MAX_SHOWN_CHARS = 240;

  /** What the commands share: the file, {@code --format}, {@code --json}, printing and the exit code. */
  abstract static class JepsenCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The history file (EDN, JSON / JSON Lines, jepsen.log).")
    Path file;

    @Option(names = "--json", paramLabel = "OUT",
        description = "Also write the whole result map as JSON to OUT (written to a temporary file, then renamed).")
    Path json;

    @Mixin FormatOption format;

    @Mixin HtmlOption html;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Runs the checker on a well-formed history. */
    abstract JepsenResult check(History h);

    /** Rejects impossible options with a {@link UsageError}, before the file is read. */
    void validate() {}

    @Override
    public Integer call() throws IOException {
      validate();
      History h = Histories.read(file, format.format()).requireWellFormed();
      Limits.Outcome<JepsenResult> outcome = Limits.check(() -> check(h));
      JepsenResult r = outcome.result();
      Map<Keyword, Object> data = r == null ? outcome.unknownData() : r.toData();
      Verdict v = r == null ? Verdict.UNKNOWN : r.valid();
      if (json != null) {
        AtomicFiles.writeString(json, JsonValues.toJson(data, true) + "\n");
      }
      html.write(file, h, data);
      print(spec.commandLine().getOut(), spec.name(), v, data);
      return ExitCode.of(v);
    }

    private void print(PrintWriter out, String checker, Verdict v, Map<Keyword, Object> data) {
      String verdict = VerdictText.word(v);
      out.printf("%s: %s: %s%n", file, checker, verdict);
      for (Map.Entry<Keyword, Object> e : data.entrySet()) {
        if (!e.getKey().name().equals("valid?")) {
          out.printf("  %s: %s%n", e.getKey().name(), shorten(e.getValue()));
        }
      }
      if (json != null) {
        out.printf("  (the whole result is in %s)%n", json);
      }
    }
  }

  /** A value's EDN, cut to {@link #MAX_SHOWN_CHARS} with a count of what was left out. */
  static String shorten(Object v) {
    String s = Edn.print(v);
    if (s.length() <= MAX_SHOWN_CHARS) {
      return s;
    }
    String more = v instanceof Collection<?> c ? " (" + c.size() + " items)"
        : v instanceof Map<?, ?> m ? " (" + m.size() + " entries)" : "";
    return s.substring(0, MAX_SHOWN_CHARS) + " ..." + more;
  }


  @Command(name = "bank", mixinStandardHelpOptions = true, description = {
      "Jepsen's bank checker: every :ok :read of account balances names only known accounts, has no nil balance,",
      "sums to the total and, unless allowed, has no negative balance. Accounts and total default to the first read's."})
  static final class Bank extends JepsenCommand {
    @Option(names = "--accounts", split = ",", paramLabel = "A,B,...",
        description = "The account ids (EDN values, e.g. 0,1,2); default: the first read's accounts.")
    List<String> accounts;

    @Option(names = {"--total-amount", "--total"}, paramLabel = "N",
        description = "The total of all balances; default: the first read's sum.")
    Long total;

    @Option(names = {"--allow-negative-balances", "--negative-balances"},
        description = "Do not report negative balances.")
    boolean negativeBalances;

    private List<Object> ids;

    @Override
    void validate() {
      if (accounts != null) {
        ids = new ArrayList<>();
        for (String a : accounts) {
          try {
            ids.add(Edn.parse(a.trim()));
          } catch (RuntimeException e) {
            throw new UsageError("--accounts takes EDN values such as 0,1,2, not '" + a + "'");
          }
        }
      }
    }

    @Override
    JepsenResult check(History h) {
      return BankChecker.check(h, new BankChecker.Options(ids, total, negativeBalances));
    }
  }

  @Command(name = "counter", mixinStandardHelpOptions = true, description = {
      "Jepsen's counter checker: every :ok :read lies between the sum of :add ops acknowledged before it began",
      "and the sum of :add ops attempted (not failed) before it ended."})
  static final class Counter extends JepsenCommand {
    @Override
    JepsenResult check(History h) {
      return CounterChecker.check(h);
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true, description = {
      "Jepsen's set checker: the final :ok :read holds every acknowledged :add (else lost) and nothing never",
      "attempted (else unexpected); unknown when the set was never read."})
  static final class Set extends JepsenCommand {
    @Override
    JepsenResult check(History h) {
      return SetChecker.check(h);
    }
  }

  @Command(name = "set-full", mixinStandardHelpOptions = true, description = {
      "Jepsen's set-full checker: per-element timelines over every :read; lost, stale and never-read elements",
      "with latencies, plus duplicated and unexpected elements."})
  static final class SetFull extends JepsenCommand {
    @Option(names = "--linearizable", description = "Stale elements (seen late) make the history invalid.")
    boolean linearizable;

    @Override
    JepsenResult check(History h) {
      return SetFullChecker.check(h, new SetFullChecker.Options(linearizable));
    }
  }

  @Command(name = "long-fork", mixinStandardHelpOptions = true, description = {
      "Jepsen's long-fork checker: reads of a key group must see single-key writes in one order."})
  static final class LongFork extends JepsenCommand {
    @Option(names = "--group-size", paramLabel = "N", defaultValue = "2",
        description = "How many keys every read reads (default: ${DEFAULT-VALUE}, as Jepsen's workload).")
    int groupSize;

    @Override
    void validate() {
      if (groupSize < 1) {
        throw new UsageError("--group-size takes a positive number of keys, not " + groupSize);
      }
    }

    @Override
    JepsenResult check(History h) {
      return LongForkChecker.check(h, new LongForkChecker.Options(groupSize));
    }
  }

  @Command(name = "unique-ids", mixinStandardHelpOptions = true, description = {
      "Jepsen's unique-ids checker: no two :ok :generate ops return the same id."})
  static final class UniqueIds extends JepsenCommand {
    @Override
    JepsenResult check(History h) {
      return UniqueIdsChecker.check(h);
    }
  }

  @Command(name = "total-queue", mixinStandardHelpOptions = true, description = {
      "Jepsen's total-queue checker: every acknowledged :enqueue is dequeued (:dequeue, or a :drain), and nothing",
      "is dequeued that was never enqueued."})
  static final class TotalQueue extends JepsenCommand {
    @Override
    JepsenResult check(History h) {
      return TotalQueueChecker.check(h);
    }
  }
}
