package madjep.sim;

import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.Keyword;

/**
 * Records a run as a Jepsen history, stamped with virtual time: client invocations and completions, and faults as
 * {@code :nemesis} ops of type {@code :info} (both ends, as Jepsen writes them).
 */
public final class HistoryRecorder {
  private static final Keyword NEMESIS = Keyword.of("nemesis");
  private static final Keyword NODE = Keyword.of("node");

  private final Simulation sim;
  private final HistoryBuilder builder;
  private final int nemesis;
  /** Per server, the extra fields {@code :node "nK"}: shared, immutable, so a completion costs no allocation. */
  private final Object[][] nodeExtras;
  private Follower follower;
  private int every;
  private int nextHandOver = Integer.MAX_VALUE;

  /**
   * Receives the history so far ({@link HistoryBuilder#prefix()}) now and then during a run, on the simulation's
   * thread: it should only hand it to another thread (a store writer), so the run is not slowed and stays the same.
   */
  @FunctionalInterface
  public interface Follower {
    void soFar(History prefix);
  }

  public HistoryRecorder(Simulation sim, String source) {
    this(sim, source, 0);
  }

  /** A recorder with room for about {@code expectedOps} ops before its columns grow (see {@link HistoryBuilder}). */
  public HistoryRecorder(Simulation sim, String source, int expectedOps) {
    this.sim = sim;
    this.builder = new HistoryBuilder(source, expectedOps);
    this.nemesis = builder.namedProcess(NEMESIS);
    nodeExtras = new Object[sim.servers()][];
    for (int i = 0; i < nodeExtras.length; i++) {
      nodeExtras[i] = new Object[] {NODE, sim.name(i)};
    }
  }

  /** Hands {@code f} the history so far each time {@code every} more ops are recorded. */
  public void follow(Follower f, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("expected a positive number of ops, found " + every);
    }
    this.follower = f;
    this.every = every;
    nextHandOver = builder.size() + every;
  }

  private void added() {
    if (builder.size() >= nextHandOver) {
      nextHandOver = builder.size() + every;
      follower.soFar(builder.prefix());
    }
  }

  public void invoke(long process, Keyword f, Object value) {
    builder.add(Long.MIN_VALUE, sim.now(), OpType.INVOKE, (int) process, f, value, null, null, 0, 0);
    added();
  }

  /** A client op's completion: {@code :ok}, {@code :fail} or {@code :info}. */
  public void complete(long process, OpType type, Keyword f, Object value, Object error) {
    complete(process, type, f, value, error, -1);
  }

  /**
   * A client op's completion, with {@code :node}: the server that answered it (or, for {@code :info} and for a
   * {@code :fail} no server answered, the one last asked); -1 for none.
   */
  public void complete(long process, OpType type, Keyword f, Object value, Object error, int node) {
    builder.add(Long.MIN_VALUE, sim.now(), type, (int) process, f, value, error,
        node >= 0 && node < nodeExtras.length ? nodeExtras[node] : null, 0, 0);
    added();
  }

  /**
   * A client op's completion with more fields after {@code :value}: {@code extras} alternates keyword keys and
   * values ({@code :node "n2"}), kept in that order; null or empty for none.
   */
  public void complete(long process, OpType type, Keyword f, Object value, Object error, Object[] extras) {
    if (extras != null && extras.length % 2 != 0) {
      throw new IllegalArgumentException("expected keys and values in pairs, found " + extras.length + " items");
    }
    for (int i = 0; extras != null && i < extras.length; i += 2) {
      if (!(extras[i] instanceof Keyword)) {
        throw new IllegalArgumentException("expected a keyword key, found " + extras[i]);
      }
    }
    builder.add(Long.MIN_VALUE, sim.now(), type, (int) process, f, value, error,
        extras == null || extras.length == 0 ? null : extras.clone(), 0, 0);
    added();
  }

  /** A fault: its start ({@code value} as asked) and end ({@code result} as done), both {@code :info}. */
  public void nemesis(Keyword f, Object value, Object result) {
    builder.add(Long.MIN_VALUE, sim.now(), OpType.INFO, nemesis, f, value, null, null, 0, 0);
    builder.add(Long.MIN_VALUE, sim.now(), OpType.INFO, nemesis, f, result, null, null, 0, 0);
    added();
  }

  /** Ops recorded so far. */
  public int size() {
    return builder.size();
  }

  /** The history; the recorder is spent. */
  public History build() {
    return builder.build();
  }
}
