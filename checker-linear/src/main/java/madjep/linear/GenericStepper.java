package madjep.linear;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import madjep.history.edn.Keyword;

/**
 * Runs any {@link Model} as a {@link Stepper}: states are interned to dense ids, and each (state, op) transition
 * is computed once and remembered, so the model's own {@code step} runs once per distinct transition however often
 * the search revisits it. A callback of the model that throws becomes a {@link ModelFailure} naming the op.
 *
 * <p>A user's model may be slow: the clock is read after every call of its {@code step}, and once the deadline has
 * passed the stepper calls it no more and answers {@link #ILLEGAL} for every new transition, so that the search
 * reaches its next limit check at once; {@link #expired()} then tells the checker that a failed search means
 * unknown, not invalid.
 */
final class GenericStepper extends Stepper {
  private final Model model;
  private final Keyword[] f;
  private final Object[] value;
  private final boolean[] readOnly;
  private final Interner states = new Interner();
  /** (state id << 32 | op) -> next state id, or ILLEGAL. */
  private final Long2LongOpenHashMap transitions = new Long2LongOpenHashMap();
  private final long initial;
  /** System.nanoTime() past which the model is not called; Long.MAX_VALUE for none. */
  private final long deadline;
  private boolean expired;

  GenericStepper(Model model, Keyword[] f, Object[] value) {
    this(model, f, value, Long.MAX_VALUE);
  }

  GenericStepper(Model model, Keyword[] f, Object[] value, long deadline) {
    this.model = model;
    this.deadline = deadline;
    this.f = f;
    this.value = value;
    this.readOnly = new boolean[f.length];
    for (int i = 0; i < f.length; i++) {
      try {
        readOnly[i] = model.readOnly(f[i], value[i]);
      } catch (RuntimeException e) {
        throw new ModelFailure(i, "readOnly", e);
      }
    }
    transitions.defaultReturnValue(-1);
    Object init;
    try {
      init = model.initialState();
    } catch (RuntimeException e) {
      throw new ModelFailure(-1, "initialState", e);
    }
    this.initial = states.intern(init);
  }

  @Override
  long initial() {
    return initial;
  }

  @Override
  long step(long state, int op) {
    long key = state << 32 | op;
    long next = transitions.get(key);
    if (next == -1) {
      if (expired) {
        return ILLEGAL; // not remembered: it is no answer of the model's
      }
      Object s;
      try {
        s = model.step(states.value(state), f[op], value[op]);
      } catch (RuntimeException e) {
        throw new ModelFailure(op, "step", e);
      }
      next = s == Model.INCONSISTENT ? ILLEGAL : states.intern(s);
      transitions.put(key, next);
      if (deadline != Long.MAX_VALUE && System.nanoTime() > deadline) {
        expired = true;
      }
    }
    return next;
  }

  @Override
  boolean expired() {
    return expired;
  }

  @Override
  boolean readOnly(int op) {
    return readOnly[op];
  }

  @Override
  Object decode(long state) {
    return states.value(state);
  }
}
