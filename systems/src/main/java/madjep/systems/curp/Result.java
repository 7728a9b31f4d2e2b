package madjep.systems.curp;

/**
 * What a command returned.
 *
 * @param ok false for a compare or guard that did not hold (the command changed nothing)
 * @param values per key of a {@link Op.Get}, or per micro-op of a {@link Op.ListTxn} (reads filled in): null, a
 *     register's {@code Long} or a list's {@code long[]}
 * @param modRevs per key of a {@link Op.Get}: the mod-revision of its value (0: absent)
 * @param revision the store's revision after the command: a write's own revision
 */
record Result(boolean ok, Object[] values, long[] modRevs, long revision) {
  static final Object[] NO_VALUES = new Object[0];
  static final long[] NO_REVS = new long[0];

  /** What a duplicate of a command older than its client's last one gets: its client has moved on. */
  static final Result STALE = new Result(false, NO_VALUES, NO_REVS, -1);

  boolean stale() {
    return revision == -1;
  }
}
