package madjep.txn.jepsen;

import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

/**
 * bank against a simulated bank: serial transfers keep the total, so reads of the true balances are clean, and the
 * faults the simulation injects into a read (a lost or created unit, a stray account, a nil or an overdraft) are
 * exactly the errors reported.
 */
class BankDifferentialTest {
  static final int HISTORIES = 2000;

  @Test
  void bank_simulatedBankWithInjectedFaults_reportsExactlyTheFaultyReads() {
    SplittableRandom seeds = new SplittableRandom(0xBA4CL);
    int faulty = 0;
    for (int n = 0; n < HISTORIES; n++) {
      long seed = seeds.nextLong();
      SplittableRandom rnd = new SplittableRandom(seed);
      int accounts = 2 + rnd.nextInt(4);
      long[] balance = new long[accounts];
      balance[0] = 20;
      boolean allowNegative = rnd.nextInt(4) == 0;
      List<Op> ops = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      int steps = 1 + rnd.nextInt(20);
      boolean first = true;
      for (int s = 0; s < steps; s++) {
        if (rnd.nextBoolean() && !first) {
          int from = rnd.nextInt(accounts);
          int to = rnd.nextInt(accounts);
          long amount = 1 + rnd.nextInt(5);
          Map<Object, Object> t = new LinkedHashMap<>();
          t.put(Keyword.of("from"), EdnParser.box(from));
          t.put(Keyword.of("to"), EdnParser.box(to));
          t.put(Keyword.of("amount"), EdnParser.box(amount));
          ops.add(Op.invoke(1, "transfer", t));
          boolean ok = allowNegative || balance[from] >= amount;
          if (ok) {
            balance[from] -= amount;
            balance[to] += amount;
          }
          ops.add(ok ? Op.ok(1, "transfer", t) : Op.fail(1, "transfer", t));
          continue;
        }
        Map<Object, Object> read = new LinkedHashMap<>();
        for (int a = 0; a < accounts; a++) {
          read.put(EdnParser.box(a), EdnParser.box(balance[a]));
        }
        String fault = null;
        // the first read sets the total and the accounts, so it stays clean
        if (!first && rnd.nextInt(4) == 0) {
          switch (rnd.nextInt(4)) {
            case 0 -> {
              read.put(EdnParser.box(accounts), EdnParser.box(0));
              fault = "UNEXPECTED_KEY";
            }
            case 1 -> {
              read.put(EdnParser.box(rnd.nextInt(accounts)), null);
              fault = "NIL_BALANCE";
            }
            case 2 -> {
              int a = rnd.nextInt(accounts);
              read.put(EdnParser.box(a), EdnParser.box(balance[a] + 1));
              fault = "WRONG_TOTAL";
            }
            default -> {
              int a = 1 + rnd.nextInt(accounts - 1);
              read.put(EdnParser.box(0), EdnParser.box(balance[0] + balance[a] + 3));
              read.put(EdnParser.box(a), EdnParser.box(-3));
              fault = allowNegative ? null : "NEGATIVE_VALUE";
            }
          }
        } else if (!allowNegative) {
          for (long b : balance) {
            fault = b < 0 ? "NEGATIVE_VALUE" : fault;
          }
        }
        first = false;
        ops.add(Op.invoke(0, "read", null));
        ops.add(Op.ok(0, "read", read));
        if (fault != null) {
          expected.add(fault + "@" + (ops.size() - 1));
        }
      }
      History h = History.of("<random>", ops);
      BankResult r = BankChecker.check(h, new BankChecker.Options(null, null, allowNegative));
      List<String> got = r.errors().stream().map(e -> e.kind() + "@" + e.position()).toList();
      assertEquals(expected, got, () -> "seed " + seed + ": " + h.ops());
      assertEquals(expected.isEmpty() ? Verdict.VALID : Verdict.INVALID, r.valid());
      faulty += expected.isEmpty() ? 0 : 1;
    }
    assertTrue(faulty > HISTORIES / 10 && faulty < HISTORIES * 9 / 10, "faulty: " + faulty);
  }
}
