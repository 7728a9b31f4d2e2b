package madjep.history.edn;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable EDN vector {@code [a b c]}. Unlike {@link List#of}, it holds {@code nil} elements, which histories
 * are full of ({@code [:r 5 nil]}). Equal to any {@link List} with equal elements, as in Clojure.
 */
public final class EdnVector extends AbstractList<Object> implements RandomAccess {
  private static final EdnVector EMPTY = new EdnVector(new Object[0]);

  private final Object[] items;

  private EdnVector(Object[] items) {
    this.items = items;
  }

  /** A vector of the given elements; the array is copied. */
  public static EdnVector of(Object... items) {
    return items.length == 0 ? EMPTY : new EdnVector(items.clone());
  }

  /**
   * A vector of two elements, such as a register op's {@code [key value]}: one array, where the varargs form makes the
   * caller's array and then a copy of it.
   */
  public static EdnVector of(Object first, Object second) {
    return new EdnVector(new Object[] {first, second});
  }

  /** A vector of the list's elements. */
  public static EdnVector copyOf(List<?> items) {
    if (items instanceof EdnVector v) {
      return v;
    }
    return items.isEmpty() ? EMPTY : new EdnVector(items.toArray());
  }

  /** Takes ownership of {@code items}: the caller must not change the array afterwards. */
  static EdnVector wrap(Object[] items, int size) {
    if (size == 0) {
      return EMPTY;
    }
    return new EdnVector(items.length == size ? items : Arrays.copyOf(items, size));
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public String toString() {
    return Edn.print(this);
  }
}
