package madjep.sim.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The sequential meaning of every workload's ops, applied one at a time: the state machine a replicated system
 * runs. Registers and transactions share one key space; bank balances, the set and the lock have their own. Outputs
 * that hold several entries are built in sorted order, never in hash order.
 */
public final class OpMachine {
  private static final Keyword NOT_HELD = Keyword.of("not-held");
  private static final Keyword HELD = Keyword.of("held");
  private static final Keyword INSUFFICIENT = Keyword.of("insufficient-funds");
  private static final Keyword MISMATCH = Keyword.of("cas-mismatch");
  private static final Keyword UNKNOWN = Keyword.of("unknown-op");
  private static final Keyword MALFORMED = Keyword.of("malformed");
  private static final Keyword READ = Keyword.of("read");
  private static final Keyword WRITE = Keyword.of("write");
  private static final Keyword CAS = Keyword.of("cas");

  private final Registers registers = new Registers();
  /**
   * The replies {@code [k v]} of reads lately answered, one slot per key modulo its size: a key is read over and over
   * with its value unchanged, and a reply made for each read was a hundred megabytes of vectors kept in a simulated
   * hour's history.
   */
  private final EdnVector[] readReplies = new EdnVector[256];
  private final TreeMap<Long, Long> bank = new TreeMap<>();
  private final TreeSet<Long> set = new TreeSet<>();
  private long lockHolder = -1;
  private long applied;

  private final boolean setReads;
  /**
   * The last {@link #snapshot()}, until the state changes: a replica asked again and again for the same state (a
   * leader resending a snapshot to a follower that is down, at every heartbeat) builds it once. Snapshots are
   * immutable, so sharing one is safe.
   */
  private Object lastSnapshot;

  /**
   * A machine whose bank holds {@code total} over {@code accounts} accounts (all in account 0); {@code :read nil}
   * returns the set when {@code setReads}, else the bank's balances.
   */
  public OpMachine(int accounts, long total, boolean setReads) {
    this.setReads = setReads;
    for (int a = 0; a < accounts; a++) {
      bank.put((long) a, a == 0 ? total : 0L);
    }
  }

  /**
   * The whole state as one EDN value (sorted, so equal states give equal values): for snapshots. Its first element,
   * the registers, is a {@link LongKeyedMap}.
   */
  public Object snapshot() {
    if (lastSnapshot != null) {
      return lastSnapshot;
    }
    Map<Object, Object> regs = registers.snapshot();
    Map<Object, Object> b = new LinkedHashMap<>();
    for (Map.Entry<Long, Long> e : bank.entrySet()) {
      b.put(e.getKey(), e.getValue());
    }
    lastSnapshot = EdnVector.of(regs, Collections.unmodifiableMap(b), readSet(),
        lockHolder, applied);
    return lastSnapshot;
  }

  /** Replaces the state with a {@link #snapshot()}. */
  public void restore(Object snapshot) {
    lastSnapshot = null;
    List<?> v = (List<?>) snapshot;
    Map<?, ?> regs = (Map<?, ?>) v.get(0);
    registers.restore(regs);
    bank.clear();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) v.get(1)).entrySet()) {
      bank.put((Long) e.getKey(), (Long) e.getValue());
    }
    set.clear();
    for (Object x : (java.util.Set<?>) v.get(2)) {
      set.add((Long) x);
    }
    lockHolder = (Long) v.get(3);
    applied = (Long) v.get(4);
  }

  /** How many entries a snapshot holds: registers, accounts and set elements. */
  public int stateSize() {
    return registers.size() + bank.size() + set.size();
  }

  /** How many ops have been applied. */
  public long applied() {
    return applied;
  }

  /**
   * Applies {@code op} and returns the reply. An op whose value the machine cannot read (corrupted bytes that a
   * system without checksums decoded) changes nothing and fails with {@code :malformed}, as a server rejects a
   * request it cannot parse.
   */
  public ClientReply apply(ClientOp op) {
    lastSnapshot = null;
    try {
      return applyChecked(op, true);
    } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
      return new ClientReply.Fail(op.value(), MALFORMED);
    }
  }

  /**
   * Applies {@code op} as {@link #apply} does, changing the state in exactly the same way, without making the reply
   * of a read, a write or a cas: for a replica that answers no client for it (a follower), which would otherwise
   * build millions of replies nobody reads.
   */
  public void applyQuietly(ClientOp op) {
    lastSnapshot = null;
    try {
      applyChecked(op, false);
    } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
      // A malformed op changes nothing, as in apply.
    }
  }

  /** The vector {@code [k v]} for a read's reply: the one made last for this key if it holds the same value. */
  private EdnVector readReply(Object k, long key, Object v) {
    int i = (int) (key & (readReplies.length - 1));
    EdnVector r = readReplies[i];
    if (r == null || r.get(1) != v || !r.get(0).equals(k)) {
      r = EdnVector.of(k, v);
      readReplies[i] = r;
    }
    return r;
  }

  /** The reply of {@code op}; with {@code reply} false, null for a read, a write or a cas (their state changes stay). */
  private ClientReply applyChecked(ClientOp op, boolean reply) {
    applied++;
    // Keywords are interned: the common functions are told by identity, without reading the name's bytes.
    Keyword fk = op.f();
    String f = fk == READ ? "read" : fk == WRITE ? "write" : fk == CAS ? "cas" : fk.name();
    Object v = op.value();
    switch (f) {
      case "read":
        if (!reply) {
          return null; // a read changes nothing
        }
        if (v instanceof List<?> kv && kv.size() == 2) {
          Object k = kv.get(0);
          long key = (Long) k;
          return new ClientReply.Ok(readReply(k, key, registers.get(key)));
        }
        if (v == null) {
          return new ClientReply.Ok(setReads ? readSet() : readBank());
        }
        break;
      case "write": {
        List<?> kv = (List<?>) v;
        registers.put(((Long) kv.get(0)).longValue(), kv.get(1));
        return reply ? new ClientReply.Ok(v) : null;
      }
      case "cas": {
        List<?> kv = (List<?>) v;
        long k = (Long) kv.get(0);
        List<?> ab = (List<?>) kv.get(1);
        Object cur = registers.get(k);
        if (cur != null && cur.equals(ab.get(0))) {
          registers.put(k, ab.get(1));
          return reply ? new ClientReply.Ok(v) : null;
        }
        return reply ? new ClientReply.Fail(v, MISMATCH) : null;
      }
      case "txn":
        return new ClientReply.Ok(txn((List<?>) v));
      case "transfer":
        return transfer(v);
      case "add":
        set.add((Long) v);
        return new ClientReply.Ok(v);
      case "acquire":
        if (lockHolder >= 0) {
          return new ClientReply.Fail(v, HELD);
        }
        lockHolder = op.process();
        return new ClientReply.Ok(v);
      case "release":
        if (lockHolder != op.process()) {
          return new ClientReply.Fail(v, NOT_HELD);
        }
        lockHolder = -1;
        return new ClientReply.Ok(v);
      default:
        break;
    }
    return new ClientReply.Fail(v, UNKNOWN);
  }

  private Object readBank() {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (Map.Entry<Long, Long> e : bank.entrySet()) {
      m.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(m);
  }

  private Object readSet() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(set));
  }

  private ClientReply transfer(Object v) {
    Map<?, ?> m = (Map<?, ?>) v;
    long from = (Long) m.get(BankWorkload.FROM);
    long to = (Long) m.get(BankWorkload.TO);
    long amount = (Long) m.get(BankWorkload.AMOUNT);
    Long fb = bank.get(from);
    Long tb = bank.get(to);
    if (fb == null || tb == null || fb < amount) {
      return new ClientReply.Fail(v, INSUFFICIENT);
    }
    bank.put(from, fb - amount);
    bank.put(to, tb + amount);
    return new ClientReply.Ok(v);
  }

  private EdnVector txn(List<?> mops) {
    Object[] out = new Object[mops.size()];
    for (int i = 0; i < out.length; i++) {
      List<?> m = (List<?>) mops.get(i);
      Keyword f = (Keyword) m.get(0);
      Long k = (Long) m.get(1);
      if (f == TxnWorkload.R) {
        out[i] = EdnVector.of(f, k, registers.get(k.longValue()));
      } else if (f == TxnWorkload.APPEND) {
        Object cur = registers.get(k.longValue());
        List<Object> list = new ArrayList<>(cur == null ? 1 : ((List<?>) cur).size() + 1);
        if (cur != null) {
          list.addAll((List<?>) cur);
        }
        list.add(m.get(2));
        registers.put(k.longValue(), EdnVector.copyOf(list));
        out[i] = m;
      } else {
        registers.put(k.longValue(), m.get(2));
        out[i] = m;
      }
    }
    return EdnVector.of(out);
  }
}
