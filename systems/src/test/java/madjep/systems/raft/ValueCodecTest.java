package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.LongKeyedMap;
import madjep.sim.workload.OpMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the log and snapshots hold reads back as the value written: equal, printed the same (so histories that
 * carry decoded values are byte-identical), with map lookups and keyword identity intact; corrupt bytes are refused.
 */
class ValueCodecTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void putThenGet_randomValues_equalAndPrintedTheSame(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ValueCodec out = new ValueCodec();
    List<Object> written = new ArrayList<>();
    List<Keyword> keywords = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Object v = value(rnd, 3);
      written.add(v);
      out.putValue(v);
      Keyword k = Keyword.of("k" + rnd.nextInt(12));
      keywords.add(k);
      out.putKeyword(k);
    }
    ValueCodec in = new ValueCodec();
    in.buf = java.util.Arrays.copyOf(out.buf, out.pos);
    for (int i = 0; i < written.size(); i++) {
      Object v = in.getValue();
      assertEquals(written.get(i), v);
      assertEquals(Edn.print(written.get(i)), Edn.print(v));
      if (v instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) written.get(i)).entrySet()) {
          assertEquals(e.getValue(), m.get(e.getKey()));
          assertEquals(true, m.containsKey(e.getKey()));
        }
        assertEquals(null, m.get(Keyword.of("absent")));
        assertEquals(written.get(i).hashCode(), m.hashCode());
      }
      assertEquals(keywords.get(i), in.getKeyword(), "the same interned keyword");
    }
    assertEquals(out.pos, in.pos, "every byte read");
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 6})
  void getValue_collectionCountBeyondTheRecord_refusedAsCorrupt(int tag) {
    // A corrupt count (read without checksums) used to size a map's or set's array as it claimed: 2^40 items here.
    ValueCodec out = new ValueCodec();
    out.writeByte(tag);
    out.writeLong(1L << 40);
    ValueCodec in = new ValueCodec();
    in.buf = out.bytes();
    assertThrows(IllegalStateException.class, in::getValue);
  }

  @Test
  void getValue_overlongNumber_refusedAsCorrupt() {
    ValueCodec in = new ValueCodec();
    in.buf = new byte[] {1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1};
    assertThrows(IllegalStateException.class, in::getValue);
  }

  /**
   * A snapshot's registers, written by position ({@link LongKeyedMap}), are the bytes any map with the same entries
   * gives; they read back as a {@link LongKeyedMap} with those entries in order, and restore the same state.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void snapshotRegisters_writtenByPosition_sameBytesAsAnyMap_readBackByPosition(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OpMachine machine = new OpMachine(3, 100, false);
    for (int i = 0; i < 300; i++) {
      // Mostly small keys (the machine's dense part), some negative or far ones (its hash map).
      long k = rnd.nextInt(4) == 0 ? rnd.nextLong(-5_000_000, 5_000_000) : rnd.nextLong(2000);
      Object v = rnd.nextInt(6) == 0 ? null : value(rnd, 2);
      machine.applyQuietly(new ClientOp(Keyword.of("write"), EdnVector.of(k, v), 1));
    }
    Object snapshot = machine.snapshot();
    Map<?, ?> regs = (Map<?, ?>) ((List<?>) snapshot).get(0);
    assertInstanceOf(LongKeyedMap.class, regs);
    ValueCodec byPosition = new ValueCodec();
    byPosition.putValue(regs);
    ValueCodec general = new ValueCodec();
    general.putValue(new LinkedHashMap<>(regs));
    assertArrayEquals(general.bytes(), byPosition.bytes());

    ValueCodec in = new ValueCodec();
    in.buf = byPosition.bytes();
    LongKeyedMap back = assertInstanceOf(LongKeyedMap.class, in.getValue());
    assertEquals(regs, back);
    assertEquals(Edn.print(regs), Edn.print(back));
    int i = 0;
    for (Map.Entry<?, ?> e : regs.entrySet()) {
      assertEquals(e.getKey(), back.keyAt(i));
      assertEquals(e.getValue(), back.valueAt(i));
      i++;
    }

    ValueCodec whole = new ValueCodec();
    whole.putValue(snapshot);
    ValueCodec read = new ValueCodec();
    read.buf = whole.bytes();
    OpMachine fromSnapshot = new OpMachine(3, 100, false);
    fromSnapshot.restore(snapshot);
    OpMachine fromDisk = new OpMachine(3, 100, false);
    fromDisk.restore(read.getValue());
    assertEquals(Edn.print(fromSnapshot.snapshot()), Edn.print(fromDisk.snapshot()));
    assertEquals(Edn.print(snapshot), Edn.print(fromDisk.snapshot()));
  }

  private static Object value(SplittableRandom rnd, int depth) {
    int kind = rnd.nextInt(depth > 0 ? 9 : 6);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return rnd.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
      case 2:
        return Keyword.of(new String[] {"read", "write", "cas", "ok", "x"}[rnd.nextInt(5)]);
      case 3:
        return rnd.nextBoolean() ? "s" + rnd.nextInt(100) : "ünï \\\"quoted\\\"";
      case 4:
        return rnd.nextBoolean();
      case 5:
        return 1.5 * rnd.nextInt(10);
      case 6: {
        Object[] items = new Object[rnd.nextInt(4)];
        for (int i = 0; i < items.length; i++) {
          items[i] = value(rnd, depth - 1);
        }
        return EdnVector.of(items);
      }
      case 7: {
        Map<Object, Object> m = new LinkedHashMap<>();
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
          m.put(rnd.nextBoolean() ? (Object) rnd.nextLong(20) : Keyword.of("f" + rnd.nextInt(20)), value(rnd, depth - 1));
        }
        if (rnd.nextInt(4) == 0) {
          m.put(null, 1L);
        }
        return m;
      }
      default: {
        LinkedHashSet<Object> s = new LinkedHashSet<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          s.add(rnd.nextLong(10));
        }
        return s;
      }
    }
  }
}
