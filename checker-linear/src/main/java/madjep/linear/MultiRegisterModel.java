package madjep.linear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/**
 * Knossos's {@code multi-register}: registers by key; {@code :txn} applies {@code [:read k v]} and
 * {@code [:write k v]} micro-ops in order (a read of {@code nil} is an unknown read). Histories are split into the
 * groups of keys that transactions touch together.
 */
final class MultiRegisterModel implements Model {
  static final Keyword TXN = Keyword.of("txn");

  private final Map<Object, Object> initial;

  MultiRegisterModel(Map<?, ?> initial) {
    LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : initial.entrySet()) {
      m.put(Values.canonical(e.getKey()), Values.canonical(e.getValue()));
    }
    this.initial = Collections.unmodifiableMap(m);
  }

  @Override
  public String name() {
    return "multi-register";
  }

  @Override
  public Object initialState() {
    return initial;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    @SuppressWarnings("unchecked")
    Map<Object, Object> s = (Map<Object, Object>) state;
    LinkedHashMap<Object, Object> written = null;
    for (Object m : (List<?>) value) {
      List<?> mop = (List<?>) m;
      Object k = mop.get(1);
      Object v = mop.get(2);
      if (mop.get(0) == Values.READ) {
        Object current = written != null ? written.get(k) : s.get(k);
        if (v != null && !Objects.equals(v, current)) {
          return INCONSISTENT;
        }
      } else {
        if (written == null) {
          written = new LinkedHashMap<>(s);
        }
        written.put(k, v);
      }
    }
    return written == null ? state : Collections.unmodifiableMap(written);
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    if (f != TXN) {
      return Values.unknownFunction(f, ":txn");
    }
    if (!(value instanceof List<?> mops)) {
      return Values.expected("a transaction: a vector of [:read k v] and [:write k v]", value);
    }
    for (Object m : mops) {
      if (!(m instanceof List<?> mop) || mop.size() != 3 || (mop.get(0) != Values.READ && mop.get(0) != Values.WRITE)) {
        return Values.expected("a micro-op [:read k v] or [:write k v]", m);
      }
    }
    return null;
  }

  @Override
  public boolean readOnly(Keyword f, Object value) {
    for (Object m : (List<?>) value) {
      if (((List<?>) m).get(0) != Values.READ) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Collection<?> partitionKeys(History history, int invoke, Object value) {
    LinkedHashSet<Object> keys = new LinkedHashSet<>();
    for (Object m : (List<?>) value) {
      keys.add(((List<?>) m).get(1));
    }
    return new ArrayList<>(keys);
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    return "ran " + Edn.print(value);
  }

  @Override
  public String describeStates(Collection<?> states) {
    return "the registers at " + Model.orList(states);
  }
}
