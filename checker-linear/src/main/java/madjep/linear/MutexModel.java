package madjep.linear;

import java.util.Collection;
import madjep.history.edn.Keyword;

/** Knossos's {@code mutex}: {@code :acquire} is legal when the lock is free, {@code :release} when it is held. */
final class MutexModel implements CompiledModel {
  static final Keyword ACQUIRE = Keyword.of("acquire");
  static final Keyword RELEASE = Keyword.of("release");

  private final boolean initiallyHeld;

  MutexModel(boolean initiallyHeld) {
    this.initiallyHeld = initiallyHeld;
  }

  @Override
  public String name() {
    return "mutex";
  }

  @Override
  public Object initialState() {
    return initiallyHeld;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    boolean held = (Boolean) state;
    if (f == ACQUIRE) {
      return held ? INCONSISTENT : Boolean.TRUE;
    }
    return held ? Boolean.FALSE : INCONSISTENT;
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    return f == ACQUIRE || f == RELEASE ? null : Values.unknownFunction(f, ":acquire or :release");
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    return f == ACQUIRE ? "acquired the lock" : "released the lock";
  }

  @Override
  public String describeStates(Collection<?> states) {
    return states.size() > 1 ? "the lock free or held" : states.contains(Boolean.TRUE) ? "the lock held" : "the lock free";
  }

  @Override
  public Object stateData(Object state) {
    return Keyword.of((Boolean) state ? "held" : "free");
  }

  @Override
  public Stepper compile(Keyword[] f, Object[] value) {
    boolean[] acquire = new boolean[f.length];
    for (int i = 0; i < f.length; i++) {
      acquire[i] = f[i] == ACQUIRE;
    }
    return new Stepper() {
      @Override
      long initial() {
        return initiallyHeld ? 1 : 0;
      }

      @Override
      long step(long state, int op) {
        return acquire[op] == (state == 0) ? 1 - state : ILLEGAL;
      }

      @Override
      boolean readOnly(int op) {
        return false;
      }

      @Override
      Object decode(long state) {
        return state == 1;
      }
    };
  }
}
