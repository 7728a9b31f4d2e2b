package madjep.linear;

import madjep.history.edn.Keyword;

/**
 * The ops of one partition, ready for the search. Ops {@code 0..required-1} completed {@code :ok} and are numbered
 * in (real-time) order of their completions; ops {@code required..n-1} crashed ({@code :info}, or never completed)
 * and are numbered in order of their invocations. Numbering the required ops by completion keeps the set of linearized ops
 * dense at the low end, which is what makes long histories' cache keys short (see {@link WindowedVisitedSet}).
 */
final class PartitionOps {
  /** The partition's key, or null when the history was not split. */
  final Object key;
  final int n;
  final int required;
  /** History positions of each op's invocation. */
  final int[] invoke;
  /** History positions of each op's completion; -1 for crashed ops. */
  final int[] complete;
  final Keyword[] f;
  /** The value the model sees: an :ok op's completion value, a crashed op's invocation value. */
  final Object[] value;
  /**
   * Where each op's invocation and completion stand in real-time order: their history positions, or their ranks
   * by {@code :time} ({@link LinearizabilityOptions.RealTime#TIME}). {@code returnAt} is -1 for crashed ops.
   */
  final int[] callAt;
  final int[] returnAt;

  PartitionOps(Object key, int required, int[] invoke, int[] complete, Keyword[] f, Object[] value) {
    this(key, required, invoke, complete, f, value, invoke, complete);
  }

  PartitionOps(Object key, int required, int[] invoke, int[] complete, Keyword[] f, Object[] value, int[] callAt,
      int[] returnAt) {
    this.key = key;
    this.n = invoke.length;
    this.required = required;
    this.invoke = invoke;
    this.complete = complete;
    this.f = f;
    this.value = value;
    this.callAt = callAt;
    this.returnAt = returnAt;
  }

  /** The history position where op {@code op}'s value came from: its completion, or its invocation if crashed. */
  int source(int op) {
    return complete[op] >= 0 ? complete[op] : invoke[op];
  }
}
