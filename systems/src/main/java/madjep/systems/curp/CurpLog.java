package madjep.systems.curp;

import java.util.ArrayList;

/**
 * The replicated log in memory: entries {@code base + 1 .. last()} after the last compaction, each a term and a
 * command (null for a leader's barrier, the no-op that opens its term after the commands it recovered). Entries up
 * to {@code base} live only in the state snapshot; the term of the last of them is kept for the consistency check.
 */
final class CurpLog {
  record Entry(long term, Command command) {}

  private final ArrayList<Entry> entries = new ArrayList<>();
  private long base;
  private long baseTerm;

  long last() {
    return base + entries.size();
  }

  /** The index the last compaction kept (0: none). */
  long base() {
    return base;
  }

  /** The term of entry {@code index}: the base's own, else 0 outside the log. */
  long term(long index) {
    if (index == base) {
      return baseTerm;
    }
    return index < base || index > last() ? 0 : entries.get((int) (index - base - 1)).term();
  }

  Command command(long index) {
    return entries.get((int) (index - base - 1)).command();
  }

  long lastTerm() {
    return term(last());
  }

  void append(long term, Command c) {
    entries.add(new Entry(term, c));
  }

  /** Drops entries {@code index} and later (never below the base). */
  void truncateFrom(long index) {
    long from = Math.max(index, base + 1);
    if (from <= last()) {
      entries.subList((int) (from - base - 1), entries.size()).clear();
    }
  }

  /** Forgets entries up to {@code index} (of term {@code t}), now held by a snapshot; a log behind it empties. */
  void compact(long index, long t) {
    if (index >= last()) {
      entries.clear();
    } else if (index > base) {
      entries.subList(0, (int) (index - base)).clear();
    }
    base = index;
    baseTerm = t;
  }

  /** The first index of {@code term(from)}'s run of entries, searching back from {@code from} to the base. */
  long firstOfTerm(long from) {
    long t = term(from);
    long i = from;
    while (i > base + 1 && term(i - 1) == t) {
      i--;
    }
    return i;
  }
}
