package madjep.history.edn;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable EDN list {@code (a b c)}: equal to a vector with the same elements, but written back with
 * parentheses so that a round trip keeps the text's shape.
 */
public final class EdnList extends AbstractList<Object> implements RandomAccess {
  private final Object[] items;

  private EdnList(Object[] items) {
    this.items = items;
  }

  /** A list of the given elements; the array is copied. */
  public static EdnList of(Object... items) {
    return new EdnList(items.clone());
  }

  /** A list of the given elements. */
  public static EdnList copyOf(List<?> items) {
    return new EdnList(items.toArray());
  }

  static EdnList wrap(Object[] items, int size) {
    return new EdnList(items.length == size ? items : Arrays.copyOf(items, size));
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
