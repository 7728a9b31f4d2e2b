package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.sim.SimDisk;
import org.junit.jupiter.api.Test;

class SpecPoolTest {
  private static Command put(long client, long seq, long key) {
    return new Command(client, seq, new Op.Put(key, 1));
  }

  @Test
  void accept_conflictingWrite_rejected_commutingAccepted_readNeverHeld() {
    SpecPool p = new SpecPool(new SimDisk(), seq -> {});
    p.recover(0);
    assertTrue(p.accept(put(1, 1, 7), 3));
    assertFalse(p.accept(put(2, 1, 7), 3), "same key, another command");
    assertTrue(p.accept(put(1, 1, 7), 3), "the same command again");
    assertTrue(p.accept(put(2, 1, 8), 3));
    assertFalse(p.accept(new Command(4, 1, new Op.Get(new long[] {7})), 3), "a read of a held key");
    assertTrue(p.accept(new Command(4, 2, new Op.Get(new long[] {9})), 3));
    assertEquals(2, p.size(), "reads are never held");
  }

  @Test
  void recover_afterManyRemovalsAndRewrites_sameCommandsHeld() {
    SimDisk disk = new SimDisk();
    SpecPool p = new SpecPool(disk, seq -> {});
    p.recover(0);
    for (int i = 1; i <= 300; i++) {
      assertTrue(p.accept(put(1, i, i), 2));
    }
    for (int i = 1; i <= 290; i++) {
      p.remove(put(1, i, i));
    }
    assertTrue(p.accept(put(9, 1, 1000), 2));
    assertTrue(disk.names().stream().filter(n -> n.startsWith("curp.pool.")).count() == 2,
        "rewritten into a later generation, the old one deleted: " + disk.names());
    assertTrue(!disk.exists("curp.pool.0"));
    SpecPool back = new SpecPool(disk, seq -> {});
    back.recover(301);
    assertFalse(back.damaged(), "all 301 acceptances accounted for");
    assertEquals(11, back.size());
    assertTrue(back.holds(put(9, 1, 1000)));
    assertFalse(back.accept(put(5, 1, 295), 2), "a recovered command still holds its key");
  }

  @Test
  void dropBefore_barrierOfTerm_forgetsOlderAcceptancesOnly() {
    SpecPool p = new SpecPool(new SimDisk(), seq -> {});
    p.recover(0);
    p.accept(put(1, 1, 1), 2);
    p.accept(put(1, 2, 2), 3);
    p.accept(put(1, 3, 3), 2);
    p.accept(put(1, 3, 3), 3);
    p.dropBefore(3);
    assertFalse(p.holds(put(1, 1, 1)));
    assertTrue(p.holds(put(1, 2, 2)));
    assertTrue(p.holds(put(1, 3, 3)), "accepted again in the newer term");
    assertTrue(p.accept(put(2, 1, 1), 3), "its key is free");
  }
}
