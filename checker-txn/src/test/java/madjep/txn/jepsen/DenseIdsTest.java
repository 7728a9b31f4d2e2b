package madjep.txn.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DenseIdsTest {
  @Test
  void of_compactIntegers_looksUpPositions() {
    DenseIds d = DenseIds.of(List.of(5L, 3L, 4L, -1L));
    assertEquals(0, d.id(5L));
    assertEquals(3, d.id(-1L));
    assertEquals(-1, d.id(0L));
    assertEquals(-1, d.id(100L));
    assertEquals(-1, d.id("5"));
  }

  @Test
  void of_sparseOrNonIntegerElements_none() {
    assertNull(DenseIds.of(List.of(0L, 1_000_000_000L)));
    assertNull(DenseIds.of(List.of(0L, "1")));
    assertNull(DenseIds.of(List.of(Long.MIN_VALUE, Long.MAX_VALUE)));
    assertNull(DenseIds.of(List.of()));
  }
}
