package madjep.linear;

import madjep.history.edn.Keyword;

/** A built-in model that compiles itself to primitive transitions for one partition's ops. */
interface CompiledModel extends Model {
  /**
   * A stepper for ops {@code 0..f.length-1} with these functions and (already checked) values. Called once per
   * partition, on the thread that will search it.
   */
  Stepper compile(Keyword[] f, Object[] value);

  /**
   * As {@link #compile(Keyword[], Object[])}, knowing that ops {@code 0..required-1} completed {@code :ok} and the
   * rest crashed (a model may prune where crashed ops could take effect, never where completed ones could).
   */
  default Stepper compile(Keyword[] f, Object[] value, int required) {
    return compile(f, value);
  }

  /**
   * This model reading a completed read of {@code nil} as "no value" ({@link LinearizabilityOptions.NilReads#NO_VALUE}), or itself
   * when it has no empty state such a read could observe.
   */
  default CompiledModel withNoValueReads() {
    return this;
  }
}
