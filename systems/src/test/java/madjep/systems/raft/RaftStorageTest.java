package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import madjep.history.edn.Keyword;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;
import madjep.sim.workload.ClientOp;
import org.junit.jupiter.api.Test;

/**
 * A node whose storage lost what it acknowledged stays suspect (no vote, no campaign) until a leader repairs it,
 * whatever it writes and however often it restarts before then. Seed 460 of raft-kv-every-fault once elected a leader
 * without a committed entry: a suspect node saved its superblock on seeing a newer term, the superblock then said it
 * had acknowledged only its shortened log, and after its next restart it voted again.
 */
class RaftStorageTest {
  private static final ClientOp WRITE = new ClientOp(Keyword.of("write"), 1L, 0);

  /** A disk holding a log of {@code n} entries in term 1, synced: {@code n} acknowledged. */
  private static SimDisk withLog(int n) {
    SimDisk disk = new SimDisk();
    RaftStorage s = new RaftStorage(disk, true);
    s.recover();
    s.saveTerm(1, -1);
    for (int i = 0; i < n; i++) {
      s.append(1, WRITE);
    }
    s.sync();
    return disk;
  }

  private static RaftStorage restart(SimDisk disk) {
    RaftStorage s = new RaftStorage(disk, true);
    s.recover();
    return s;
  }

  /** Garbles the log file from {@code at} on (as a misdirected write over it would), durably. */
  private static void garbleLog(SimDisk disk, int at) {
    SimFile f = disk.open("raft.log.0");
    byte[] junk = new byte[64];
    java.util.Arrays.fill(junk, (byte) 0x5A);
    f.write(at, junk, 0, junk.length);
    f.fsync();
  }

  @Test
  void lostAckedEntries_superblockSavedAfterANewTerm_stillSuspectAfterRestart() {
    SimDisk disk = withLog(40);
    garbleLog(disk, 300);
    RaftStorage first = restart(disk);
    assertNotNull(first.suspect, "lost entries it acknowledged");
    long kept = first.log.last();
    assertEquals(40, first.acked());
    // A vote request of a newer term: the node adopts the term and syncs before replying (it grants nothing).
    first.saveTerm(2, -1);
    first.sync();
    assertEquals(40, first.acked(), "the superblock keeps what was acknowledged before the damage");

    RaftStorage second = restart(disk);
    assertEquals(kept, second.log.last());
    assertEquals(2, second.term);
    assertNotNull(second.suspect, "still unrepaired after a restart: must not vote");
    assertEquals(40, second.acked());
  }

  @Test
  void damagedSuperblock_superblockSavedAgain_stillSuspectAfterRestart() {
    SimDisk disk = withLog(10);
    SimFile meta = disk.open("raft.meta");
    meta.truncate(SimDisk.SECTOR); // a cut superblock: what it acknowledged and voted is unknown
    meta.fsync();
    RaftStorage first = restart(disk);
    assertNotNull(first.suspect);
    first.saveTerm(2, -1);
    first.sync();

    assertNotNull(restart(disk).suspect, "the vote it may have cast is still unknown");
  }

  @Test
  void suspectNode_repairedAndSynced_notSuspectAfterRestart() {
    SimDisk disk = withLog(40);
    garbleLog(disk, 300);
    RaftStorage s = restart(disk);
    assertNotNull(s.suspect);
    s.saveTerm(2, -1);
    while (s.log.last() < 45) {
      s.append(2, WRITE); // what a leader sends it
    }
    s.sync();
    assertNotNull(restart(disk).suspect, "not repaired yet: its log grew, but no leader has declared it whole");

    RaftStorage again = restart(disk);
    again.suspect = null; // a leader brought its log past what it had acknowledged
    again.sync();
    RaftStorage after = restart(disk);
    assertNull(after.suspect);
    assertEquals(45, after.acked());
  }

  @Test
  void intactStorage_restarts_notSuspect() {
    SimDisk disk = withLog(40);
    RaftStorage s = restart(disk);
    assertNull(s.suspect);
    assertEquals(40, s.log.last());
    assertEquals(40, s.acked());
  }
}
