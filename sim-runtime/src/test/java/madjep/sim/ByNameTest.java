package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Assertions and fault points looked up through {@link ByName} count as they did through a hash map alone: a
 * name built at run time and the literal it equals are one assertion, and a kind used under two names is still
 * refused once the name is remembered.
 */
class ByNameTest {
  @Test
  void get_answersEqualNamesAlike_whicheverStringAsks() {
    ByName<Integer> r = new ByName<>();
    String name = "raft.applied-within-commit";
    String equal = new String(name);
    r.put(name, 7);
    assertEquals(7, r.get(name));
    assertEquals(7, r.get(equal), "an equal string finds the entry through the map");
    assertEquals(7, r.get(name), "and the remembered string still finds it");
    r.put(equal, 8);
    assertEquals(8, r.get(name), "one entry per name, whichever string put it");
    assertNull(r.get("other"));
    assertEquals(1, r.values().size());
  }

  @Test
  void nameBuiltTwoWays_countsIntoOneAssertion() {
    Assertions a = new Assertions(null);
    String literal = "x.holds";
    String built = new StringBuilder("x.").append("holds").toString();
    for (int i = 0; i < 5; i++) {
      a.record(literal, Assertions.Kind.SOMETIMES, true, "n1", 1, i, null);
      a.record(built, Assertions.Kind.SOMETIMES, i % 2 == 0, "n1", 1, i, null);
    }
    List<Assertions.Result> results = a.results();
    assertEquals(1, results.size());
    assertEquals(10, results.get(0).evaluations());
    assertEquals(8, results.get(0).satisfied());
  }

  @Test
  void rememberedName_usedAsAnotherKind_stillRefused() {
    Assertions a = new Assertions(null);
    a.record("y.reached", Assertions.Kind.SOMETIMES, true, "n1", 1, 0, null);
    a.record("y.reached", Assertions.Kind.SOMETIMES, true, "n1", 1, 1, null);
    assertThrows(IllegalArgumentException.class,
        () -> a.record("y.reached", Assertions.Kind.ALWAYS, true, "n1", 1, 2, null));
  }

  @Test
  void faultPoint_nameBuiltTwoWays_isOnePoint() {
    FaultPoints p = new FaultPoints(null, new java.util.SplittableRandom(1));
    String literal = "slow-compaction";
    String built = new StringBuilder("slow-").append("compaction").toString();
    for (int i = 0; i < 3; i++) {
      p.evaluate(literal, 0);
      p.evaluate(built, 1);
    }
    List<FaultPoints.Count> counts = p.counts();
    assertEquals(1, counts.size());
    assertEquals(6, counts.get(0).evaluations());
    assertSame(literal.intern(), built.intern());
  }
}
