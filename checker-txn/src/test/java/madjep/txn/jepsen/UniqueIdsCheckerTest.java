package madjep.txn.jepsen;

import java.util.ArrayList;
import static madjep.txn.jepsen.TestHistories.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

class UniqueIdsCheckerTest {
  @Test
  void uniqueIds_distinctIds_validWithRange() {
    UniqueIdsResult r = UniqueIdsChecker.check(parse(
        "0 invoke generate nil", "0 ok generate 5", "1 invoke generate nil", "1 ok generate 2",
        "2 invoke generate nil", "2 info generate nil", "0 invoke generate nil", "0 fail generate nil"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(4, r.attemptedCount());
    assertEquals(2, r.acknowledgedCount());
    assertEquals("{:valid? true, :attempted-count 4, :acknowledged-count 2, :duplicated-count 0, :duplicated {}, "
        + ":range [2 5]}", Edn.print(r.toData()));
  }

  @Test
  void uniqueIds_idReturnedTwice_duplicateWithBothOps() {
    UniqueIdsResult r = UniqueIdsChecker.check(parse(
        "@0 0 invoke generate nil", "@0 0 ok generate 7", "@0 1 invoke generate nil", "@0 1 ok generate 8",
        "@0 2 invoke generate nil", "@0 2 ok generate 7"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(new UniqueIdsResult.Duplicate(7L, 2, 1, 5)), r.duplicated());
    assertEquals("{:valid? false, :attempted-count 3, :acknowledged-count 3, :duplicated-count 1, "
        + ":duplicated {7 2}, :range [7 8], :first-duplicate {:id 7, :ops ["
        + "{:index 1, :time 0, :type :ok, :process 0, :f :generate, :value 7} "
        + "{:index 5, :time 0, :type :ok, :process 2, :f :generate, :value 7}]}}", Edn.print(r.toData()));
  }

  @Test
  void uniqueIds_manyDuplicates_showsTheMostFrequent48() {
    List<Op> ops = new ArrayList<>();
    for (long id = 0; id < 60; id++) {
      int times = id == 59 ? 5 : 2;
      for (int k = 0; k < times; k++) {
        ops.add(Op.invoke(0, "generate", null));
        ops.add(Op.ok(0, "generate", EdnParser.box(id)));
      }
    }
    UniqueIdsResult r = UniqueIdsChecker.check(History.of("<test>", ops));
    assertEquals(60, r.duplicated().size());
    Map<?, ?> shown = (Map<?, ?>) r.toData().get(Keyword.of("duplicated"));
    assertEquals(48, shown.size());
    assertEquals(5L, shown.get(59L));
    assertEquals(2L, shown.get(0L));
    assertEquals(null, shown.get(47L));
  }

  @Test
  void uniqueIds_nemesisOps_ignored() {
    UniqueIdsResult r = UniqueIdsChecker.check(parse(
        "0 invoke generate nil", "0 ok generate 1", "n info generate nil", "n info generate 1"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(1, r.acknowledgedCount());
  }

  @Test
  void uniqueIds_okWithoutId_dataError() {
    DataError e = assertThrows(DataError.class,
        () -> UniqueIdsChecker.check(parse("0 invoke generate nil", "0 ok generate nil")));
    assertEquals(1, e.opIndex());
  }

  @Test
  void uniqueIds_noAcknowledgedIds_validAsJepsen() {
    UniqueIdsResult r = UniqueIdsChecker.check(parse("0 invoke generate nil", "0 info generate nil"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(null, r.toData().get(Keyword.of("range")));
  }
}
