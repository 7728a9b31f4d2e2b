package madjep.txn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Why transaction A precedes transaction B in a cycle: one dependency, with the data that justifies it.
 *
 * @param type ww, wr, rw, process or realtime
 * @param workload which sentences explain data dependencies
 * @param key the key (data dependencies), else null
 * @param value the version A wrote or read ({@code :elle.list-append/init} or nil for the initial state)
 * @param value2 the version B wrote (ww, rw), else null
 * @param aMop the index of A's micro-op, or -1
 * @param bMop the index of B's micro-op, or -1
 * @param process the process (process steps)
 * @param aCompletion A's completion op (realtime steps)
 * @param bInvocation B's invocation op (realtime steps)
 */
public record Step(
    String type,
    Workload workload,
    Object key,
    Object value,
    Object value2,
    int aMop,
    int bMop,
    Object process,
    Map<Keyword, Object> aCompletion,
    Map<Keyword, Object> bInvocation) {

  /** The list-append marker for the initial, empty state of a key. */
  public static final Keyword INIT = Keyword.of("elle.list-append/init");

  private static final Keyword TYPE = Keyword.of("type");
  private static final Keyword KEY = Keyword.of("key");
  private static final Keyword VALUE = Keyword.of("value");
  private static final Keyword VALUE2 = Keyword.of("value'");
  private static final Keyword A_MOP = Keyword.of("a-mop-index");
  private static final Keyword B_MOP = Keyword.of("b-mop-index");
  private static final Keyword PROCESS = Keyword.of("process");
  private static final Keyword A2 = Keyword.of("a'");
  private static final Keyword B = Keyword.of("b");
  private static final Keyword INDEX = Keyword.of("index");
  private static final Keyword TIME = Keyword.of("time");

  /** A process-order step: process {@code process} ran A before B. */
  public static Step process(Object process) {
    return new Step("process", null, null, null, null, -1, -1, process, null, null);
  }

  /** A real-time step: A completed ({@code aCompletion}) before B was invoked ({@code bInvocation}). */
  public static Step realtime(Map<Keyword, Object> aCompletion, Map<Keyword, Object> bInvocation) {
    return new Step("realtime", null, null, null, null, -1, -1, null, aCompletion, bInvocation);
  }

  /** Elle's step map, e.g. {@code {:type :ww, :key :x, :value 1, :value' 2, :a-mop-index 0, :b-mop-index 0}}. */
  public Map<Keyword, Object> toData() {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(TYPE, Keyword.of(type));
    switch (type) {
      case "process" -> m.put(PROCESS, process);
      case "realtime" -> {
        m.put(A2, aCompletion);
        m.put(B, bInvocation);
      }
      default -> {
        m.put(KEY, key);
        m.put(VALUE, value);
        if (!type.equals("wr")) {
          m.put(VALUE2, value2);
        }
        m.put(A_MOP, EdnParser.box(aMop));
        m.put(B_MOP, EdnParser.box(bMop));
      }
    }
    return m;
  }

  /** Elle's sentence for why {@code a} precedes {@code b}, e.g. "T2 observed T1's append of 1 to key :y". */
  public String explain(String a, String b) {
    String k = key == null ? "nil" : Edn.print(key);
    String v = Edn.print(value);
    String v2 = Edn.print(value2);
    return switch (type) {
      case "process" -> "process " + Edn.print(process) + " executed " + a + " before " + b;
      case "realtime" -> realtime(a, b);
      case "ww" -> workload == Workload.LIST_APPEND
          ? b + " appended " + v2 + " after " + a + " appended " + v + " to " + k
          : a + " set key " + k + " to " + v + ", and " + b + " set it to " + v2
              + ", which came later in the version order";
      case "wr" -> workload == Workload.LIST_APPEND
          ? b + " observed " + a + "'s append of " + v + " to key " + k
          : a + " wrote " + k + " = " + v + ", which was read by " + b;
      case "rw" -> workload == Workload.LIST_APPEND
          ? (INIT.equals(value)
              ? a + " observed the initial (nil) state of " + k + ", which " + b + " created by appending " + v2
              : a + " did not observe " + b + "'s append of " + v2 + " to " + k)
          : a + " read key " + k + " = " + v + ", and " + b + " set it to " + v2
              + ", which came later in the version order";
      default -> a + " precedes " + b;
    };
  }

  private String realtime(String a, String b) {
    Object ai = aCompletion.get(INDEX);
    Object bi = bInvocation.get(INDEX);
    long at = aCompletion.get(TIME) instanceof Long l ? l : -1;
    long bt = bInvocation.get(TIME) instanceof Long l ? l : -1;
    String gap = at >= 0 && bt >= 0 && bt > at
        ? String.format(Locale.ROOT, " %.3f seconds", (bt - at) / 1e9)
        : " just";
    return a + " completed at index " + Edn.print(ai) + "," + gap + " before the invocation of " + b + ", at index "
        + Edn.print(bi);
  }
}
