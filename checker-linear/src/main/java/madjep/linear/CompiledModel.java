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
   * This model reading a completed read of {@code nil} as "no value" ({@link
   * LinearizabilityOptions.NilReads#NO_VALUE}), or itself when it has no empty state such a read could observe.
   */
  default CompiledModel withNoValueReads() {
    return this;
  }
}
