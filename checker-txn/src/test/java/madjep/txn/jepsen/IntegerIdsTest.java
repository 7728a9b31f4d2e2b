package madjep.txn.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntegerIdsTest {
  @Test
  void of_compactIntegers_looksUpPositions() {
    IntegerIds d = IntegerIds.of(List.of(5L, 3L, 4L, -1L));
    assertEquals(0, d.id(5L));
    assertEquals(3, d.id(-1L));
    assertEquals(-1, d.id(0L));
    assertEquals(-1, d.id(100L));
    assertEquals(-1, d.id("5"));
  }

  @Test
  void of_sparseIntegers_looksUpPositions() {
    IntegerIds d = IntegerIds.of(List.of(0L, 1_000_000_000L));
    assertEquals(0, d.id(0L));
    assertEquals(1, d.id(1_000_000_000L));
    assertEquals(-1, d.id(5L));
    assertEquals(-1, d.id("x"));
    IntegerIds extremes = IntegerIds.of(List.of(Long.MIN_VALUE, Long.MAX_VALUE));
    assertEquals(0, extremes.id(Long.MIN_VALUE));
    assertEquals(1, extremes.id(Long.MAX_VALUE));
  }

  @Test
  void of_nonIntegerElements_none() {
    assertNull(IntegerIds.of(List.of(0L, "1")));
    assertNull(IntegerIds.of(List.of()));
  }
}
