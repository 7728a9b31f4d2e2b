package madjep.linear;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/** Dense long ids for values compared with {@code equals}: 0, 1, 2, ... in order of first appearance. */
final class Interner {
  private final List<Object> values = new ArrayList<>();
  private final Object2LongOpenHashMap<Object> ids = new Object2LongOpenHashMap<>();

  Interner() {
    ids.defaultReturnValue(-1);
  }

  /** The id of {@code v}, assigning the next one on first sight. */
  long intern(Object v) {
    long id = ids.getLong(v);
    if (id < 0) {
      id = values.size();
      values.add(v);
      ids.put(v, id);
    }
    return id;
  }

  /** The value with id {@code id}. */
  Object value(long id) {
    return values.get((int) id);
  }
}
