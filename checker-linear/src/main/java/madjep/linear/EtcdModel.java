package madjep.linear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/**
 * etcd's key-value store as its robustness tests model it: keys with values, mod-revisions and versions; a
 * store-wide revision that starts at 1 and that every successful write (a txn that puts or deletes, a lease revoke
 * that deletes keys) advances by one; range reads with the revision they answer at; guarded transactions (every
 * condition compares a key's mod-revision or version, then the success or failure branch's puts, deletes and ranges
 * run); leases; compaction. Histories come from {@code madjep check linear --model etcd REPORT_DIR} (see
 * {@code EtcdReportReader} in history-format for the op shapes).
 *
 * <p>The revision couples every key, so a history is checked as one object. States are {@link EtcdStore} values,
 * interned by the stepper, and each op's EDN value is parsed once per check.
 */
final class EtcdModel implements CompiledModel {
  @Override
  public String name() {
    return "etcd";
  }

  @Override
  public Object initialState() {
    return EtcdStore.INITIAL;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    EtcdStore next = ((EtcdStore) state).step(EtcdOp.parse(f, value));
    return next == null ? INCONSISTENT : next;
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    try {
      EtcdOp.parse(f, value);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Override
  public boolean readOnly(Keyword f, Object value) {
    return EtcdOp.parse(f, value).readOnly();
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return f.name() + " " + Edn.print(value);
    }
    Object resp = m.get(Keyword.of("response"));
    return f.name() + " " + Edn.print(m.get(Keyword.of("request")))
        + (resp == null ? " (result unknown)" : " -> " + Edn.print(resp));
  }

  @Override
  public String describeStates(Collection<?> states) {
    List<Object> data = new ArrayList<>(states.size());
    for (Object s : states) {
      data.add(stateData(s));
    }
    return "the store at " + Model.orList(data);
  }

  @Override
  public Object stateData(Object state) {
    return ((EtcdStore) state).data();
  }

  @Override
  public Stepper compile(Keyword[] f, Object[] value) {
    Object[] parsed = new Object[value.length];
    for (int i = 0; i < value.length; i++) {
      parsed[i] = EtcdOp.parse(f[i], value[i]);
    }
    return new GenericStepper(PARSED, f, parsed);
  }

  /** The model over already parsed ops, for the stepper: it interns the stores and remembers transitions. */
  private static final Model PARSED = new Model() {
    @Override
    public Object initialState() {
      return EtcdStore.INITIAL;
    }

    @Override
    public Object step(Object state, Keyword f, Object op) {
      EtcdStore next = ((EtcdStore) state).step((EtcdOp) op);
      return next == null ? INCONSISTENT : next;
    }

    @Override
    public boolean readOnly(Keyword f, Object op) {
      return ((EtcdOp) op).readOnly();
    }
  };
}
