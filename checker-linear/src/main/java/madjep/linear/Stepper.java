package madjep.linear;

/**
 * A model compiled for one partition: states are longs, ops are the partition's op numbers. The search calls
 * {@link #step} millions of times, so implementations precompute everything they can per op and never box.
 * One stepper serves one search on one thread.
 */
abstract class Stepper {
  /** What {@link #step} returns for an op that cannot happen in the given state. */
  static final long ILLEGAL = Long.MIN_VALUE;

  /** The initial state. */
  abstract long initial();

  /** The state after op {@code op} in {@code state}, or {@link #ILLEGAL}. */
  abstract long step(long state, int op);

  /** True when op {@code op} never changes the state where it is legal (see {@link Model#readOnly}). */
  abstract boolean readOnly(int op);

  /** The model-level state that {@code state} stands for, for explanations. */
  abstract Object decode(long state);

  /**
   * True once the stepper stopped asking the model because the time limit passed: its {@link #ILLEGAL} answers since
   * then are not the model's, so a search that failed is out of time, not invalid.
   */
  boolean expired() {
    return false;
  }
}
