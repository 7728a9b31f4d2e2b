package madjep.systems.curp;

import java.util.List;
import madjep.sim.RecordFile;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;

/**
 * A CURP node's durable state, in files fsynced separately: {@code curp.meta} ({@link CurpMeta}: term, vote, how far
 * the log is acknowledged; synced at every change and after every log sync), and per generation {@code g} a log {@code curp.log.g} (entries and truncations) and a state {@code curp.state.g}
 * (the key-value state at the generation's start, then one effect record per applied entry: the keys it wrote, the
 * revision, and how far the state has applied with the client's dedup entry). {@code curp.current} names the live
 * generation; compaction writes the next one whole before naming it, so a crash leaves one complete generation.
 *
 * <p>Where "how far applied" lives is the point of Xline's first finding. Here it lives in the state's own records,
 * so a restart replays exactly the entries whose effects the state lacks, and the state is synced only after the log
 * it was applied from. With the seeded bug {@code state-before-log} it lives with the log instead (an applied
 * checkpoint record after the entries, durable when the log is next synced for new entries) while the state is
 * synced as soon as entries are applied: a crash can leave the state ahead of the checkpoint, and the restarted node
 * applies those entries a second time.
 *
 * <p>Storage faults: a record that does not decode (a flipped bit its checksum missed, a record of another file
 * written here by a misdirected write) ends its file as a torn tail does, and the file is cut there. What was lost is
 * told by {@link CurpMeta}: a log shorter than what the node acknowledged makes it {@link #damage() damaged}; a state
 * snapshot that is gone leaves the node empty, to be sent a snapshot by a leader.
 */
final class CurpStorage {
  private static final byte ENTRY = 2;
  private static final byte TRUNCATE = 3;
  private static final byte APPLIED = 4;
  private static final byte SNAPSHOT = 5;
  private static final byte EFFECT = 6;

  private final SimDisk disk;
  private final boolean appliedWithLog;
  private final CurpMeta meta;
  private final RecordFile current;
  private RecordFile logFile;
  private RecordFile stateFile;
  private int generation;
  /** True when entries were written to the log since its last sync (checkpoints alone do not count). */
  private boolean entriesUnsynced;
  private final CurpCodec codec = new CurpCodec();

  long term;
  int votedFor = -1;
  final CurpLog log = new CurpLog();
  /** How far the recovered state has applied. */
  long applied;
  /** What recovery found lost or spoiled, or null. */
  private String damage;

  CurpStorage(SimDisk disk, boolean appliedWithLog) {
    this.disk = disk;
    this.appliedWithLog = appliedWithLog;
    this.meta = new CurpMeta(disk);
    this.current = new RecordFile(disk.open("curp.current"));
  }

  /** Reads back what survived into {@code state} and the log; returns the number of records read. */
  int recover(KvState state) {
    meta.recover();
    term = meta.term;
    votedFor = meta.votedFor;
    if (meta.state == CurpMeta.State.DAMAGED) {
      damage = "curp.meta unreadable: term and vote unknown";
    }
    List<byte[]> gens = current.recover();
    if (!gens.isEmpty()) {
      generation = (int) new CurpCodec(gens.get(gens.size() - 1), 0).readLong();
    }
    state.clear();
    stateFile = new RecordFile(disk.open("curp.state." + generation));
    int records = readAll(stateFile, r -> readStateRecord(r, state));
    if (generation > 0 && log.base() == 0) {
      // The generation's snapshot is gone: nothing before its log is known. Start empty; a leader sends a snapshot.
      damage = note(damage, "curp.state." + generation + " lost its snapshot");
      state.clear();
      applied = 0;
    }
    logFile = new RecordFile(disk.open("curp.log." + generation));
    boolean noSnapshot = generation > 0 && log.base() == 0;
    records += readAll(logFile, r -> {
      if (!noSnapshot) {
        readLogRecord(r, state);
      }
    });
    if (noSnapshot) {
      log.truncateFrom(1);
    }
    if (meta.state == CurpMeta.State.OK && log.last() < meta.acked) {
      damage = note(damage, "curp.log ends at " + log.last() + " but " + meta.acked + " entries were acknowledged");
    }
    if (damage != null) {
      meta.repairTo = Math.max(meta.repairTo, Math.max(1, meta.acked));
    }
    if (meta.term > term) {
      term = meta.term;
    }
    if (meta.state == CurpMeta.State.DAMAGED) {
      term = Math.max(term, log.lastTerm());
      meta.noVote = true;
    }
    if (damage != null) {
      saveMeta();
    }
    return records;
  }

  private static String note(String earlier, String more) {
    return earlier == null ? more : earlier + "; " + more;
  }

  /**
   * Reads {@code f}'s records into {@code use}; the first that does not decode ends the file (cut there, durably),
   * as a torn one does. Returns how many were read.
   */
  private int readAll(RecordFile f, java.util.function.Consumer<byte[]> use) {
    List<byte[]> rs = f.recover();
    long end = 0;
    for (int i = 0; i < rs.size(); i++) {
      try {
        use.accept(rs.get(i));
      } catch (RuntimeException e) {
        damage = note(damage, f.file().name() + " record " + i + " does not decode (" + e.getMessage() + ")");
        f.file().truncate(end);
        f.file().fsync();
        return i;
      }
      end += 8 + rs.get(i).length;
    }
    return rs.size();
  }

  /** What recovery found lost or spoiled (null: nothing): a damaged node does not vote until it is repaired. */
  String damage() {
    return damage;
  }

  /** The log index a leader must bring this node back to (a damaged log), or 0. */
  long repairTo() {
    return meta.repairTo;
  }

  /** The log is whole again. */
  void repaired() {
    meta.repairTo = 0;
    saveMeta();
  }

  /** The term after whose barrier the pool is whole again (its acceptances lost to a storage fault), or -1. */
  long poolRepairAfter() {
    return meta.poolRepairAfter;
  }

  /** Records that the pool lost acceptances made up to this term, or (with -1) that it is whole again. */
  void poolRepairAfter(long t) {
    meta.poolRepairAfter = t;
    saveMeta();
  }

  /** True when this node gave up voting for good (its superblock was unreadable, so its past votes are unknown). */
  boolean noVote() {
    return meta.noVote;
  }

  /** The pool's synced acceptances, as the superblock counts them. */
  long poolSeq() {
    return meta.poolSeq;
  }

  /** Records that the pool has synced acceptances up to {@code seq}, durably. */
  void poolSynced(long seq) {
    meta.poolSeq = seq;
    saveMeta();
  }

  private void readStateRecord(byte[] r, KvState state) {
    CurpCodec in = new CurpCodec(r, 1);
    if (r[0] == SNAPSHOT) {
      long index = in.readLong();
      long t = in.readLong();
      in.getState(state);
      log.compact(index, t);
      applied = index;
      return;
    }
    if (r[0] != EFFECT) {
      throw new IllegalStateException("curp.state: unknown record type " + r[0]);
    }
    boolean withApplied = in.readByte() == 1;
    if (withApplied) {
      readApplied(in, state);
    }
    state.restoreRevision(in.readLong());
    long n = in.readLong();
    for (long i = 0; i < n; i++) {
      long k = in.readLong();
      Object v = in.getValue();
      state.restore(k, v, in.readLong());
    }
  }

  private void readLogRecord(byte[] r, KvState state) {
    CurpCodec in = new CurpCodec(r, 1);
    switch (r[0]) {
      case ENTRY -> {
        long index = in.readLong();
        long t = in.readLong();
        Command c = in.readByte() == 1 ? in.getCommand() : null;
        if (index > log.base()) {
          log.truncateFrom(index);
          log.append(t, c);
        }
      }
      case TRUNCATE -> log.truncateFrom(in.readLong());
      case APPLIED -> readApplied(in, state);
      default -> throw new IllegalStateException("curp.log: unknown record type " + r[0]);
    }
  }

  /** How far applied, and the applying client's dedup entry (client -1 for a barrier). */
  private void readApplied(CurpCodec in, KvState state) {
    applied = Math.max(applied, in.readLong());
    long client = in.readLong();
    long seq = in.readLong();
    Result res = in.getResult();
    if (client >= 0) {
      state.restoreApplied(client, seq, res);
    }
  }

  // ---- term and vote ----

  /** Saves term and vote, synced: a witness stamps acceptances with its term, and a vote must never be forgotten. */
  void saveTerm(long t, int vote) {
    term = t;
    votedFor = vote;
    saveMeta();
  }

  private void saveMeta() {
    meta.term = term;
    meta.votedFor = votedFor;
    meta.acked = log.last();
    meta.save();
  }

  // ---- the log ----

  void append(long t, Command c) {
    log.append(t, c);
    writeEntry(logFile, log.last(), t, c);
    entriesUnsynced = true;
  }

  private void writeEntry(RecordFile f, long index, long t, Command c) {
    codec.reset().putByte(ENTRY).putLong(index).putLong(t);
    if (c == null) {
      codec.putByte(0);
    } else {
      codec.putByte(1).putCommand(c);
    }
    f.append(codec.buf, codec.pos);
  }

  void truncateFrom(long index) {
    log.truncateFrom(index);
    codec.reset().putByte(TRUNCATE).putLong(index);
    logFile.append(codec.buf, codec.pos);
    entriesUnsynced = true;
  }

  /** True when entries wait to be synced before they may be acknowledged. */
  boolean entriesUnsynced() {
    return entriesUnsynced;
  }

  /** Syncs the log, then records in the superblock how far it is acknowledged. */
  void syncLog() {
    logFile.fsync();
    entriesUnsynced = false;
    saveMeta();
  }

  // ---- the state ----

  /**
   * Records that entry {@code index} ({@code c}, null for a barrier) was applied with {@code r}, writing {@code
   * written} of {@code state}.
   */
  void applied(long index, Command c, Result r, long[] written, KvState state) {
    if (appliedWithLog) {
      appliedRecord(codec.reset().putByte(APPLIED), index, c, r);
      logFile.append(codec.buf, codec.pos);
      codec.reset().putByte(EFFECT).putByte(0);
    } else {
      appliedRecord(codec.reset().putByte(EFFECT).putByte(1), index, c, r);
    }
    codec.putLong(state.revision()).putLong(written.length);
    for (long k : written) {
      codec.putLong(k).putValue(state.value(k)).putLong(state.modRevision(k));
    }
    stateFile.append(codec.buf, codec.pos);
  }

  private static void appliedRecord(CurpCodec out, long index, Command c, Result r) {
    out.putLong(index).putLong(c == null ? -1 : c.client()).putLong(c == null ? 0 : c.seq())
        .putResult(r == null ? Result.STALE : r);
  }

  /**
   * Makes the applied state durable. Correct order: the log first (the state never gets ahead of the log it came
   * from), then the state. With the applied index kept with the log (the seeded bug), only the state is synced here.
   */
  void syncState() {
    if (!appliedWithLog && logFile.file().dirty()) {
      syncLog();
    }
    stateFile.fsync();
  }

  /**
   * Starts a new generation from {@code state} as of {@code index} (of term {@code t}): its snapshot, then the log's
   * entries after it, both synced, then named current; the old files are deleted. Also how a follower installs a
   * leader's snapshot (after emptying its log behind it).
   */
  void compact(long index, long t, KvState state) {
    log.compact(index, t);
    int next = generation + 1;
    RecordFile snap = fresh("curp.state." + next);
    codec.reset().putByte(SNAPSHOT).putLong(index).putLong(t).putState(state);
    snap.append(codec.buf, codec.pos);
    snap.fsync();
    RecordFile newLog = fresh("curp.log." + next);
    for (long i = index + 1; i <= log.last(); i++) {
      writeEntry(newLog, i, log.term(i), log.command(i));
    }
    newLog.fsync();
    codec.reset().putLong(next);
    current.append(codec.buf, codec.pos);
    current.fsync();
    disk.delete("curp.log." + generation);
    disk.delete("curp.state." + generation);
    generation = next;
    logFile = newLog;
    stateFile = snap;
    entriesUnsynced = false;
  }

  private RecordFile fresh(String name) {
    SimFile f = disk.open(name);
    f.truncate(0);
    return new RecordFile(f);
  }
}
