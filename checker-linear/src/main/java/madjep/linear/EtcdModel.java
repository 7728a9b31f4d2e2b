package madjep.linear;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
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
 *
 * <p>The revision also tells when a failed write could have taken effect, which keeps the search from trying every
 * order of every failed write at every step (k failed writes that never took effect cost k! orders each time
 * otherwise): the compiled model refuses a crashed op that would move the store to a revision that a completed op
 * wrote itself (two writes never make one revision), or past every revision the history mentions (nothing after it
 * could observe it, so leaving it out covers that case). Both are sound: no linearization is lost.
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
    return compile(f, value, value.length);
  }

  @Override
  public Stepper compile(Keyword[] f, Object[] value, int required) {
    EtcdOp[] parsed = new EtcdOp[value.length];
    for (int i = 0; i < value.length; i++) {
      parsed[i] = EtcdOp.parse(f[i], value[i]);
    }
    Parsed model = new Parsed(parsed, required);
    Object[] steps = new Object[value.length];
    for (int i = 0; i < value.length; i++) {
      steps[i] = i < required ? parsed[i] : new Crashed(parsed[i]);
    }
    return new GenericStepper(model, f, steps);
  }

  /** A crashed op, which {@link Parsed} may refuse where it could not matter. */
  private record Crashed(EtcdOp op) {}

  /**
   * The model over already parsed ops, for the stepper (which interns the stores and remembers transitions), with
   * the revision rules for crashed ops of the class comment.
   */
  private static final class Parsed implements Model {
    /** Revisions that a completed op certainly wrote. */
    private final LongOpenHashSet written = new LongOpenHashSet();
    /**
     * The highest revision any op mentions, plus one for every completed op whose response is unknown and that may
     * write (each may advance the revision by one where nothing checks it).
     */
    private long highest = 1;

    Parsed(EtcdOp[] ops, int required) {
      for (int i = 0; i < ops.length; i++) {
        EtcdOp op = ops[i];
        if (op.kind == EtcdOp.Kind.RANGE || op.kind == EtcdOp.Kind.COMPACT) {
          highest = Math.max(highest, op.revision);
        }
        EtcdOp.Response r = op.response;
        if (r == null || r.clientError() != null) {
          continue;
        }
        highest = Math.max(highest, r.revision());
        if (op.kind == EtcdOp.Kind.TXN && wrote(op)) {
          written.add(r.revision());
        }
      }
      for (int i = 0; i < required; i++) {
        if (ops[i].response == null && !ops[i].readOnly()) {
          highest++;
        }
      }
    }

    /** True when a completed txn certainly advanced the revision: a put without lease, or a delete that deleted. */
    private static boolean wrote(EtcdOp op) {
      EtcdOp.TxnStep[] ran = op.response.succeeded() ? op.then : op.otherwise;
      for (int i = 0; i < ran.length; i++) {
        EtcdOp.TxnStep s = ran[i];
        if ((s.kind() == EtcdOp.StepKind.PUT && s.lease() == 0)
            || (s.kind() == EtcdOp.StepKind.DELETE && op.response.results()[i].deleted() > 0)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Object initialState() {
      return EtcdStore.INITIAL;
    }

    @Override
    public Object step(Object state, Keyword f, Object value) {
      EtcdStore before = (EtcdStore) state;
      boolean crashed = value instanceof Crashed;
      EtcdOp op = crashed ? ((Crashed) value).op() : (EtcdOp) value;
      EtcdStore next = before.step(op);
      if (next == null) {
        return INCONSISTENT;
      }
      long rev = next.revision();
      if (crashed && rev > before.revision() && (rev > highest || written.contains(rev))) {
        return INCONSISTENT;
      }
      return next;
    }

    @Override
    public boolean readOnly(Keyword f, Object value) {
      return (value instanceof Crashed c ? c.op() : (EtcdOp) value).readOnly();
    }
  }
}
