package madjep.history.io;

import java.util.ArrayList;
import java.util.List;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.Keyword;
import madjep.history.edn.Symbol;

/** The fields of the op being read, reused from op to op by the readers. */
final class OpFields {
  static final Keyword INDEX = Keyword.of("index");
  static final Keyword TIME = Keyword.of("time");
  static final Keyword TYPE = Keyword.of("type");
  static final Keyword PROCESS = Keyword.of("process");
  static final Keyword F = Keyword.of("f");
  static final Keyword VALUE = Keyword.of("value");
  static final Keyword ERROR = Keyword.of("error");

  private final String source;
  long index;
  long time;
  OpType type;
  int process;
  Keyword f;
  Object value;
  Object error;
  final List<Object> extras = new ArrayList<>();
  /** Bits of the standard keys seen in this op, to reject duplicates. */
  int seen;
  int line;
  int column;

  OpFields(String source) {
    this.source = source;
  }

  void begin(int atLine, int atColumn) {
    index = Long.MIN_VALUE;
    time = -1;
    type = null;
    process = History.NO_PROCESS;
    f = null;
    value = null;
    error = null;
    extras.clear();
    seen = 0;
    line = atLine;
    column = atColumn;
  }

  /** Marks a standard key as seen; a second one is an error at the given position. */
  void see(int bit, String key, int atLine, int atColumn) {
    if ((seen & bit) != 0) {
      throw new DataError(DataError.Kind.FIELD, source, atLine, atColumn, -1, "expected one " + key + " per op, found a second");
    }
    seen |= bit;
  }

  void extra(Keyword key, Object v, int atLine, int atColumn) {
    for (int k = 0; k < extras.size(); k += 2) {
      if (extras.get(k) == key) {
        throw new DataError(DataError.Kind.FIELD, source, atLine, atColumn, -1, "expected one " + key + " per op, found a second");
      }
    }
    extras.add(key);
    extras.add(v);
  }

  /**
   * A jepsen.log op's value as read: a bare symbol is refused, because Jepsen logs data (nil, booleans, numbers,
   * strings, keywords, collections) and a symbol such as {@code ni} or {@code tru} is what a line cut inside
   * {@code nil} or {@code true} reads as. (In EDN files a cut op leaves its map open, which fails by itself, so
   * symbols stay legal there; symbols inside collections, such as exception class names, stay everywhere.)
   */
  static Object checkValue(Object v, String source, int atLine, int atColumn) {
    if (v instanceof Symbol s) {
      throw new DataError(DataError.Kind.FIELD, source, atLine, atColumn, -1,
          "expected an op value such as nil, a number, a string, a keyword or a collection, found the symbol " + s
              + " (is the line cut short?)");
    }
    return v;
  }

  void addTo(HistoryBuilder b) {
    if (type == null) {
      throw new DataError(DataError.Kind.OP_TYPE, source, line, column, index == Long.MIN_VALUE ? -1 : index,
          "expected the op to have a :type (:invoke, :ok, :fail or :info), found none");
    }
    b.add(index, time, type, process, f, value, error, extras.isEmpty() ? null : extras.toArray(), line, column);
  }
}
