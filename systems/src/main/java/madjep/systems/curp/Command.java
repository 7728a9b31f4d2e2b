package madjep.systems.curp;

/**
 * A client's command: its op and its identity, (client, sequence number), by which every node deduplicates it: a
 * command re-proposed by a new leader, or resent by its client, takes effect once.
 */
record Command(long client, long seq, Op op) {
  boolean sameId(Command o) {
    return client == o.client && seq == o.seq;
  }

  /** One long naming the command (clients are endpoint ids below 2^20, sequence numbers below 2^43). */
  long id() {
    return client << 43 | seq;
  }

  @Override
  public String toString() {
    return "c" + client + "#" + seq;
  }
}
