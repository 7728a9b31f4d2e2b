package madjep.linear.example;

import madjep.history.edn.Keyword;
import madjep.linear.Model;

/** A counter: {@code :add n} adds n, {@code :read v} must see the sum so far ({@code nil}: unknown read). */
public final class CounterModel implements Model {
  private static final Keyword ADD = Keyword.of("add");
  private static final Keyword READ = Keyword.of("read");

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public Object initialState() {
    return 0L;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    long sum = (Long) state;
    if (f == ADD) {
      return sum + (Long) value;
    }
    return value == null || value.equals(sum) ? state : INCONSISTENT;
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    if (f == ADD && value instanceof Long || f == READ && (value == null || value instanceof Long)) {
      return null;
    }
    return "expected :add n or :read n, found " + f + " " + value;
  }

  @Override
  public boolean readOnly(Keyword f, Object value) {
    return f == READ;
  }
}
