package madjep.systems.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The varints raft-kv and curp-kv store: the exact bytes they always wrote (so no stored record or seed moves), the
 * values read back, and corrupt input refused rather than decoded.
 */
class VarBytesTest {
  private static byte[] encode(long v) {
    VarBytes out = new VarBytes();
    out.writeLong(v);
    return out.bytes();
  }

  private static byte[] bytes(int... b) {
    byte[] a = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      a[i] = (byte) b[i];
    }
    return a;
  }

  @Test
  void writeLong_knownValues_zigZagSevenBitsLowGroupFirst() {
    assertArrayEquals(bytes(0x00), encode(0));
    assertArrayEquals(bytes(0x01), encode(-1));
    assertArrayEquals(bytes(0x02), encode(1));
    assertArrayEquals(bytes(0x7F), encode(-64));
    assertArrayEquals(bytes(0x80, 0x01), encode(64));
    assertArrayEquals(bytes(0xAC, 0x02), encode(150));
    assertArrayEquals(bytes(0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), encode(Long.MAX_VALUE));
    assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), encode(Long.MIN_VALUE));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void writeThenRead_randomLongsOfEveryLength_sameValuesEveryByteRead(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] values = new long[2000];
    VarBytes out = new VarBytes();
    for (int i = 0; i < values.length; i++) {
      values[i] = rnd.nextLong() >> rnd.nextInt(64);
      out.writeLong(values[i]);
    }
    VarBytes in = new VarBytes(out.bytes(), 0);
    for (long v : values) {
      assertEquals(v, in.readLong());
    }
    assertEquals(out.pos, in.pos);
  }

  @Test
  void readLong_elevenByteNumber_refusedAsCorrupt() {
    byte[] overlong = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new VarBytes(overlong, 0).readLong());
    assertTrue(e.getMessage().contains("longer than 10 bytes"), e.getMessage());
  }

  @Test
  void readLong_tenByteNumber_read() {
    // The longest a long takes: its tenth group carries the zig-zag form's top bit, 2^63, which is 2^62.
    VarBytes in = new VarBytes(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 0);
    assertEquals(1L << 62, in.readLong());
    assertEquals(10, in.pos);
  }

  @Test
  void readLong_continuationBytesToTheEnd_throwsNotLoops() {
    byte[] cut = bytes(0x80, 0x80, 0x80);
    assertThrows(RuntimeException.class, () -> new VarBytes(cut, 0).readLong());
  }

  @Test
  void readCount_largerThanTheBytesLeft_refusedAsCorrupt() {
    VarBytes out = new VarBytes();
    out.writeLong(5);
    out.writeByte(1);
    out.writeByte(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new VarBytes(out.bytes(), 0).readCount());
    assertTrue(e.getMessage().contains("5 items in 2 bytes"), e.getMessage());
    VarBytes negative = new VarBytes();
    negative.writeLong(-1);
    assertThrows(IllegalStateException.class, () -> new VarBytes(negative.bytes(), 0).readCount());
  }

  @Test
  void readCount_fitsTheBytesLeft_read() {
    VarBytes out = new VarBytes();
    out.writeLong(2);
    out.writeBytes(bytes(7, 8, 9), 2);
    VarBytes in = new VarBytes(out.bytes(), 0);
    assertEquals(2, in.readCount());
    assertEquals(7, in.readByte());
    assertEquals(8, in.readByte());
  }
}
