package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.sim.RecordFile;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;
import org.junit.jupiter.api.Test;

/** Storage faults: what a CURP node finds lost after a restart, and what it then refuses to do. */
class CurpStorageTest {
  private static CurpStorage written(SimDisk disk, int entries) {
    CurpStorage s = new CurpStorage(disk, false);
    s.recover(new KvState());
    s.saveTerm(3, -1);
    for (int i = 1; i <= entries; i++) {
      s.append(3, new Command(9, i, new Op.Put(i, 1)));
    }
    s.syncLog();
    return s;
  }

  @Test
  void recover_intact_noDamage() {
    SimDisk disk = new SimDisk();
    written(disk, 20);
    CurpStorage back = new CurpStorage(disk, false);
    back.recover(new KvState());
    assertNull(back.damage());
    assertEquals(20, back.log.last());
    assertEquals(3, back.term);
    assertEquals(0, back.repairTo());
  }

  @Test
  void recover_logLostAcknowledgedEntries_damagedUntilRepairedToWhatItAcked() {
    SimDisk disk = new SimDisk();
    written(disk, 20);
    SimFile log = disk.open("curp.log.0");
    log.truncate(log.size() / 2);
    log.fsync();
    CurpStorage back = new CurpStorage(disk, false);
    back.recover(new KvState());
    assertNotNull(back.damage());
    assertTrue(back.damage().contains("20 entries were acknowledged"), back.damage());
    assertEquals(20, back.repairTo());
    back.syncLog();
    CurpStorage again = new CurpStorage(disk, false);
    again.recover(new KvState());
    assertEquals(20, again.repairTo(), "a second restart remembers the first one's damage");
    again.repaired();
    CurpStorage whole = new CurpStorage(disk, false);
    whole.recover(new KvState());
    assertEquals(0, whole.repairTo());
  }

  @Test
  void recover_aRecordOfAnotherFile_endsTheLogThereAndCutsIt() {
    SimDisk disk = new SimDisk();
    written(disk, 5);
    RecordFile log = new RecordFile(disk.open("curp.log.0"));
    byte[] foreign = {6, 0, 0, 0};
    log.append(foreign, foreign.length);
    log.fsync();
    long size = disk.open("curp.log.0").size();
    CurpStorage back = new CurpStorage(disk, false);
    back.recover(new KvState());
    assertNotNull(back.damage(), "an undecodable record is damage");
    assertEquals(5, back.log.last());
    assertTrue(disk.open("curp.log.0").size() < size, "the file is cut before the foreign record");
  }

  @Test
  void recover_superblockUnreadable_neverVotesAgain() {
    SimDisk disk = new SimDisk();
    written(disk, 3);
    SimFile meta = disk.open("curp.meta");
    byte[] junk = new byte[2 * SimDisk.SECTOR];
    java.util.Arrays.fill(junk, (byte) 7);
    meta.write(0, junk, 0, junk.length);
    meta.fsync();
    CurpStorage back = new CurpStorage(disk, false);
    back.recover(new KvState());
    assertTrue(back.noVote());
    assertTrue(back.damage().contains("term and vote unknown"), back.damage());
    CurpStorage again = new CurpStorage(disk, false);
    again.recover(new KvState());
    assertTrue(again.noVote(), "remembered");
  }

  @Test
  void pool_lostAcceptances_damaged() {
    SimDisk disk = new SimDisk();
    long[] synced = new long[1];
    SpecPool p = new SpecPool(disk, seq -> synced[0] = seq);
    p.recover(0);
    for (int i = 1; i <= 10; i++) {
      p.accept(new Command(4, i, new Op.Put(i, 1)), 2);
    }
    assertEquals(10, synced[0], "each acceptance is reported once synced");
    SimFile f = disk.open("curp.pool.0");
    f.truncate(f.size() / 2);
    f.fsync();
    SpecPool back = new SpecPool(disk, seq -> {});
    back.recover(synced[0]);
    assertTrue(back.damaged());
    SpecPool whole = new SpecPool(new SimDisk(), seq -> {});
    whole.recover(0);
    assertFalse(whole.damaged());
  }
}
