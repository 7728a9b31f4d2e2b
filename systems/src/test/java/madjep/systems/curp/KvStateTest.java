package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KvStateTest {
  private static Op randomOp(SplittableRandom rng) {
    long k = rng.nextInt(4);
    return switch (rng.nextInt(5)) {
      case 0 -> new Op.Get(Op.distinct(new long[] {k, rng.nextInt(4)}));
      case 1 -> new Op.Put(k, rng.nextInt(3));
      case 2 -> new Op.Cas(k, rng.nextInt(3), rng.nextInt(3));
      case 3 -> Op.ListTxn.of(new long[] {rng.nextInt(2), k + 10, rng.nextInt(100), 0, k + 10, 0});
      default -> Op.Guarded.of(new long[] {k + 10}, new long[] {rng.nextInt(6)}, new long[] {k + 10},
          new long[][] {{rng.nextInt(9)}});
    };
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void evaluateThenApply_randomCommands_sameOutcomeAndRevisionsCountWrites(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    KvState s = new KvState();
    long writes = 0;
    for (int i = 1; i <= 400; i++) {
      Op op = randomOp(rng);
      Result speculative = s.evaluate(op);
      long before = s.revision();
      Result r = s.apply(new Command(7, i, op), 0);
      assertEquals(speculative.ok(), r.ok(), "speculative and applied agree: " + op);
      assertEquals(speculative.values().length, r.values().length);
      for (int v = 0; v < r.values().length; v++) {
        Object a = speculative.values()[v];
        Object b = r.values()[v];
        assertTrue(a == null ? b == null : a instanceof long[] la ? java.util.Arrays.equals(la, (long[]) b)
            : a.equals(b), "value " + v + " of " + op);
      }
      boolean wrote = s.written().length > 0;
      writes += wrote ? 1 : 0;
      assertEquals(before + (wrote ? 1 : 0), s.revision(), "one revision per write, none otherwise: " + op);
      for (long k : s.written()) {
        assertEquals(s.revision(), s.modRevision(k));
      }
    }
    assertTrue(writes > 100);
  }

  @Test
  void apply_duplicateCommand_changesNothingAndReturnsTheFirstResult() {
    KvState s = new KvState();
    Command c = new Command(3, 1, Op.ListTxn.of(new long[] {1, 5, 42}));
    Result first = s.apply(c, 0);
    Result again = s.apply(c, 0);
    assertSame(first, again);
    assertEquals(0, s.written().length);
    assertArrayEquals(new long[] {42}, (long[]) s.value(5), "appended once");
    assertEquals(1, s.revision());
    s.apply(new Command(3, 2, new Op.Put(1, 1)), 0);
    assertTrue(s.apply(c, 0).stale(), "an older command than the client's last is stale");
  }

  @Test
  void guarded_revisionMoved_failsAndChangesNothing() {
    KvState s = new KvState();
    s.apply(new Command(1, 1, Op.Guarded.of(new long[] {9}, new long[] {0}, new long[] {9}, new long[][] {{1}})), 0);
    assertEquals(1, s.modRevision(9));
    Result r = s.apply(new Command(2, 1, Op.Guarded.of(new long[] {9}, new long[] {0}, new long[] {9},
        new long[][] {{2}})), 0);
    assertFalse(r.ok());
    assertArrayEquals(new long[] {1}, (long[]) s.value(9));
    assertEquals(1, s.revision());
  }

  @Test
  void codec_stateAndCommands_roundTrip() {
    SplittableRandom rng = new SplittableRandom(9);
    KvState s = new KvState();
    CurpCodec out = new CurpCodec();
    for (int i = 1; i <= 200; i++) {
      Command c = new Command(rng.nextInt(5), i, randomOp(rng));
      s.apply(c, 0);
      out.reset().putCommand(c);
      Command back = new CurpCodec(out.bytes(), 0).getCommand();
      assertEquals(c.id(), back.id());
      assertArrayEquals(c.op().keys(), back.op().keys());
      assertEquals(c.op().getClass(), back.op().getClass());
    }
    byte[] image = new CurpCodec().putState(s).bytes();
    KvState copy = new KvState();
    new CurpCodec(image, 0).getState(copy);
    assertArrayEquals(image, new CurpCodec().putState(copy).bytes(), "the state survives a snapshot whole");
  }

  @Test
  void quorums_xlinesSizes() {
    assertEquals(3, CurpConfig.quorum(5));
    assertEquals(2, CurpConfig.recoverQuorum(5));
    assertEquals(4, CurpConfig.superQuorum(5));
    assertEquals(5, CurpConfig.quorum(9));
    assertEquals(3, CurpConfig.recoverQuorum(9));
    assertEquals(7, CurpConfig.superQuorum(9));
    for (int n = 1; n <= 31; n++) {
      int q = CurpConfig.quorum(n);
      int rq = CurpConfig.recoverQuorum(n);
      int sq = CurpConfig.superQuorum(n);
      assertTrue(2 * rq > q || n == 1 && rq == 1, "two conflicting commands never both reach recover-quorum, n=" + n);
      assertTrue(sq + q - n >= rq, "a super-quorum meets every quorum in a recover-quorum, n=" + n);
    }
  }
}
