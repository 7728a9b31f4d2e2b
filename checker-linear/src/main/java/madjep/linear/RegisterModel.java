package madjep.linear;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/**
 * Knossos's {@code register} ({@code :read}, {@code :write}) and {@code cas-register} (also {@code :cas [old new]},
 * legal only when the register holds {@code old}). A read of {@code nil} is an unknown read: always legal; under
 * {@link LinearizabilityOptions.NilReads#NO_VALUE} it reads the register empty ({@code nil}), legal only when it is.
 */
final class RegisterModel implements CompiledModel {
  private final boolean cas;
  private final Object initial;
  private final boolean nilIsNoValue;

  RegisterModel(boolean cas, Object initial) {
    this(cas, initial, false);
  }

  private RegisterModel(boolean cas, Object initial, boolean nilIsNoValue) {
    this.cas = cas;
    this.initial = Values.canonical(initial);
    this.nilIsNoValue = nilIsNoValue;
  }

  @Override
  public CompiledModel withNoValueReads() {
    return nilIsNoValue ? this : new RegisterModel(cas, initial, true);
  }

  @Override
  public String name() {
    return cas ? "cas-register" : "register";
  }

  @Override
  public Object initialState() {
    return initial;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    if (f == Values.READ) {
      return value == null ? (nilIsNoValue && state != null ? INCONSISTENT : state)
          : value.equals(state) ? state : INCONSISTENT;
    }
    if (f == Values.WRITE) {
      return value;
    }
    List<?> v = (List<?>) value;
    return Objects.equals(state, v.get(0)) ? v.get(1) : INCONSISTENT;
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    if (f == Values.READ || f == Values.WRITE) {
      return null;
    }
    if (cas && f == Values.CAS) {
      return value instanceof List<?> l && l.size() == 2 ? null : Values.expected("a cas value [old new]", value);
    }
    return Values.unknownFunction(f, cas ? ":read, :write or :cas" : ":read or :write");
  }

  @Override
  public boolean readOnly(Keyword f, Object value) {
    return f == Values.READ;
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    if (f == Values.READ) {
      return "read " + Edn.print(value);
    }
    if (f == Values.WRITE) {
      return "wrote " + Edn.print(value);
    }
    List<?> v = (List<?>) value;
    return "compared-and-set " + Edn.print(v.get(0)) + " to " + Edn.print(v.get(1));
  }

  @Override
  public String describeStates(Collection<?> states) {
    return "the register at " + Model.orList(states);
  }

  @Override
  public Stepper compile(Keyword[] f, Object[] value) {
    return new RegisterStepper(f, value);
  }

  /** Stands for nil in the interner, which takes no nulls. */
  private static final Object NIL = new Object();

  /** States are interned values: id 0 is nil, then ids in order of first appearance. */
  private final class RegisterStepper extends Stepper {
    private static final byte READ_ANY = 0;
    private static final byte READ = 1;
    private static final byte WRITE = 2;
    private static final byte CAS = 3;

    private final byte[] kind;
    private final long[] a;
    private final long[] b;
    private final Interner values = new Interner();
    private final long initialId;

    RegisterStepper(Keyword[] f, Object[] value) {
      int n = f.length;
      kind = new byte[n];
      a = new long[n];
      b = new long[n];
      values.intern(NIL);
      initialId = intern(initial);
      for (int i = 0; i < n; i++) {
        if (f[i] == Values.READ) {
          kind[i] = value[i] == null && !nilIsNoValue ? READ_ANY : READ;
          a[i] = intern(value[i]);
        } else if (f[i] == Values.WRITE) {
          kind[i] = WRITE;
          a[i] = intern(value[i]);
        } else {
          List<?> v = (List<?>) value[i];
          kind[i] = CAS;
          a[i] = intern(v.get(0));
          b[i] = intern(v.get(1));
        }
      }
    }

    private long intern(Object v) {
      return v == null ? 0 : values.intern(v);
    }

    @Override
    long initial() {
      return initialId;
    }

    @Override
    long step(long state, int op) {
      switch (kind[op]) {
        case READ_ANY:
          return state;
        case READ:
          return a[op] == state ? state : ILLEGAL;
        case WRITE:
          return a[op];
        default:
          return a[op] == state ? b[op] : ILLEGAL;
      }
    }

    @Override
    boolean readOnly(int op) {
      return kind[op] <= READ;
    }

    @Override
    Object decode(long state) {
      return state == 0 ? null : values.value(state);
    }
  }
}
