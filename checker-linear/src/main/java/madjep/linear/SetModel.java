package madjep.linear;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/**
 * Knossos's {@code set}: {@code :add v} adds an element; {@code :read s} is legal when the set holds exactly the
 * elements of {@code s} (a set, vector or list). A read of {@code nil} is an unknown read.
 */
final class SetModel implements CompiledModel {
  static final Keyword ADD = Keyword.of("add");
  /** Past this many distinct elements the state no longer fits a long (bit 63 would collide with ILLEGAL). */
  static final int MAX_BITMASK_ELEMENTS = 63;

  private final Set<Object> initial;

  SetModel(Collection<?> initial) {
    this.initial = elements(initial);
  }

  private static Set<Object> elements(Collection<?> c) {
    LinkedHashSet<Object> s = new LinkedHashSet<>();
    for (Object e : c) {
      s.add(Values.canonical(e));
    }
    return Collections.unmodifiableSet(s);
  }

  @Override
  public String name() {
    return "set";
  }

  @Override
  public Object initialState() {
    return initial;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    @SuppressWarnings("unchecked")
    Set<Object> s = (Set<Object>) state;
    if (f == Values.READ) {
      return value == null || s.equals(elements((Collection<?>) value)) ? state : INCONSISTENT;
    }
    if (s.contains(value)) {
      return state;
    }
    LinkedHashSet<Object> next = new LinkedHashSet<>(s);
    next.add(value);
    return Collections.unmodifiableSet(next);
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    if (f == ADD) {
      return null;
    }
    if (f == Values.READ) {
      return value == null || value instanceof Collection<?> ? null : Values.expected("a set or vector read", value);
    }
    return Values.unknownFunction(f, ":add or :read");
  }

  @Override
  public boolean readOnly(Keyword f, Object value) {
    return f == Values.READ;
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    return (f == ADD ? "added " : "read ") + Edn.print(value);
  }

  @Override
  public String describeStates(Collection<?> states) {
    return "the set at " + Model.orList(states);
  }

  @Override
  public Stepper compile(Keyword[] f, Object[] value) {
    // Number every element the ops and the initial set mention; reads then compare bitmasks.
    Object2IntOpenHashMap<Object> ids = new Object2IntOpenHashMap<>();
    ids.defaultReturnValue(-1);
    List<Object> elements = new ArrayList<>();
    List<Object> mentioned = new ArrayList<>(initial);
    for (int i = 0; i < f.length; i++) {
      if (f[i] == ADD) {
        mentioned.add(value[i]);
      } else if (value[i] != null) {
        mentioned.addAll(elements((Collection<?>) value[i]));
      }
    }
    for (Object e : mentioned) {
      if (ids.getInt(e) < 0) {
        if (elements.size() == MAX_BITMASK_ELEMENTS) {
          return new GenericStepper(this, f, value);
        }
        ids.put(e, elements.size());
        elements.add(e);
      }
    }
    long init = 0;
    for (Object e : initial) {
      init |= 1L << ids.getInt(e);
    }
    boolean[] read = new boolean[f.length];
    boolean[] any = new boolean[f.length];
    long[] mask = new long[f.length];
    for (int i = 0; i < f.length; i++) {
      read[i] = f[i] == Values.READ;
      any[i] = read[i] && value[i] == null;
      if (f[i] == ADD) {
        mask[i] = 1L << ids.getInt(value[i]);
      } else if (value[i] != null) {
        for (Object e : elements((Collection<?>) value[i])) {
          mask[i] |= 1L << ids.getInt(e);
        }
      }
    }
    long initialMask = init;
    return new Stepper() {
      @Override
      long initial() {
        return initialMask;
      }

      @Override
      long step(long state, int op) {
        if (!read[op]) {
          return state | mask[op];
        }
        return any[op] || mask[op] == state ? state : ILLEGAL;
      }

      @Override
      boolean readOnly(int op) {
        return read[op];
      }

      @Override
      Object decode(long state) {
        LinkedHashSet<Object> s = new LinkedHashSet<>();
        for (int b = 0; b < elements.size(); b++) {
          if ((state >>> b & 1) != 0) {
            s.add(elements.get(b));
          }
        }
        return Collections.unmodifiableSet(s);
      }
    };
  }
}
