package madjep.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

class OpMachineTest {
  private static final Keyword READ = Keyword.of("read");
  private static final Keyword WRITE = Keyword.of("write");
  private static final Keyword CAS = Keyword.of("cas");
  private static final Keyword ADD = Keyword.of("add");

  /** A register op, now and then malformed (a key that is not a number, a missing value), or another kind. */
  private static ClientOp randomOp(SplittableRandom r) {
    long k = r.nextInt(6);
    long a = r.nextInt(4);
    long b = r.nextInt(4);
    return switch (r.nextInt(9)) {
      case 0, 1 -> new ClientOp(READ, EdnVector.of(k, null), 1);
      case 2, 3 -> new ClientOp(WRITE, EdnVector.of(k, a), 2);
      case 4, 5 -> new ClientOp(CAS, EdnVector.of(k, EdnVector.of(a, b)), 3);
      case 6 -> new ClientOp(WRITE, EdnVector.of("not a key", a), 4);
      case 7 -> new ClientOp(CAS, EdnVector.of(k), 5);
      default -> new ClientOp(ADD, a, 6);
    };
  }

  @Test
  void applyQuietly_changesTheStateExactlyAsApply() {
    for (int seed = 0; seed < 300; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      OpMachine answering = new OpMachine(3, 100, false);
      OpMachine quiet = new OpMachine(3, 100, false);
      for (int i = 0; i < 200; i++) {
        ClientOp op = randomOp(r);
        assertNotNull(answering.apply(op));
        quiet.applyQuietly(op);
        assertEquals(answering.snapshot(), quiet.snapshot(), "seed " + seed + ", op " + i + ": " + op);
        assertEquals(answering.applied(), quiet.applied());
      }
    }
  }

  @Test
  void readsAnswerTheLastWrittenValue_whateverKeysShareAReplySlot() {
    // Keys 256 apart share a slot of the machine's recent replies; values include equal Longs that are other objects.
    long[] keys = {0, 1, 256, 257, 512, -1, -257, 1L << 40};
    for (int seed = 0; seed < 200; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      OpMachine m = new OpMachine(3, 100, false);
      java.util.Map<Long, Object> model = new java.util.HashMap<>();
      for (int i = 0; i < 300; i++) {
        long k = keys[r.nextInt(keys.length)];
        if (r.nextInt(3) == 0) {
          Object v = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> (long) r.nextInt(3);
            default -> Long.valueOf(1000 + r.nextInt(2)); // not from a box cache: equal values, other objects
          };
          m.apply(new ClientOp(WRITE, EdnVector.of(k, v), 1));
          model.put(k, v);
        } else {
          ClientReply reply = m.apply(new ClientOp(READ, EdnVector.of(k, null), 2));
          assertEquals(new ClientReply.Ok(EdnVector.of(k, model.get(k))), reply, "seed " + seed + ", op " + i);
        }
      }
    }
  }

  @Test
  void readsOfAnUnchangedKey_shareOneReplyValue() {
    // A simulated hour keeps a million read replies in its history: the same [k v] while k keeps its value.
    OpMachine m = new OpMachine(3, 100, false);
    m.apply(new ClientOp(WRITE, EdnVector.of(7L, 2L), 1));
    Object first = ((ClientReply.Ok) m.apply(new ClientOp(READ, EdnVector.of(7L, null), 2))).value();
    Object again = ((ClientReply.Ok) m.apply(new ClientOp(READ, EdnVector.of(7L, null), 3))).value();
    org.junit.jupiter.api.Assertions.assertSame(first, again);
    m.apply(new ClientOp(WRITE, EdnVector.of(7L, 3L), 1));
    Object after = ((ClientReply.Ok) m.apply(new ClientOp(READ, EdnVector.of(7L, null), 2))).value();
    assertEquals(EdnVector.of(7L, 3L), after);
  }
}
