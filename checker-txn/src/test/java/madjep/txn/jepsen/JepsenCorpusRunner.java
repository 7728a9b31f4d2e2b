package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.List;
import madjep.history.History;

/** Runs a checker from CHECKS.tsv arguments ({@code long-fork --group-size 3}); test-only. */
final class JepsenCorpusRunner {
  static final List<String> CHECKERS =
      List.of("bank", "counter", "set", "set-full", "long-fork", "unique-ids", "total-queue");

  private JepsenCorpusRunner() {}

  static boolean handles(String arguments) {
    return arguments != null && CHECKERS.contains(arguments.trim().split("\\s+")[0]);
  }

  static JepsenResult run(String arguments, History h) {
    List<String> args = new ArrayList<>(List.of(arguments.trim().split("\\s+")));
    String checker = args.remove(0);
    int groupSize = 2;
    for (int k = 0; k < args.size(); k++) {
      if (args.get(k).equals("--group-size")) {
        groupSize = Integer.parseInt(args.get(++k));
      } else {
        throw new IllegalArgumentException("unknown argument " + args.get(k) + " in " + arguments);
      }
    }
    return switch (checker) {
      case "bank" -> BankChecker.check(h, BankChecker.Options.defaults());
      case "counter" -> CounterChecker.check(h);
      case "set" -> SetChecker.check(h);
      case "set-full" -> SetFullChecker.check(h, SetFullChecker.Options.defaults());
      case "long-fork" -> LongForkChecker.check(h, new LongForkChecker.Options(groupSize));
      case "unique-ids" -> UniqueIdsChecker.check(h);
      case "total-queue" -> TotalQueueChecker.check(h);
      default -> throw new IllegalArgumentException("not a Jepsen checker: " + checker);
    };
  }
}
