package madjep.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Why a history is not linearizable: the op that no order of the ops before it can explain, in the partition where
 * that happened. States are EDN data (see {@link Model#stateData}).
 *
 * @param partition the partition's key, or null when the history was not split
 * @param op the op that cannot be linearized (its {@code :ok} completion)
 * @param statesBefore the distinct states that the longest explored orders leave just before {@code op}
 * @param statesCapped true when there were more such states than were kept
 * @param prefixes the longest linearizable prefixes the search found before it got stuck at {@code op}, each with
 *     the state after every op
 * @param explanation a plain sentence, e.g. "process 4 read 3 at op 217, but every order of the 41 earlier ops
 *     leaves the register at 1 or 2"
 */
public record Failure(
    Object partition,
    OpRef op,
    List<Object> statesBefore,
    boolean statesCapped,
    List<List<Step>> prefixes,
    String explanation) {

  /**
   * An op of the history.
   *
   * @param position 0-based position in the history (file order)
   * @param index Jepsen's {@code :index}
   * @param line 1-based line in the file, or 0
   * @param type {@code :ok}, or {@code :info}/{@code :invoke} for a crashed op
   */
  public record OpRef(int position, long index, int line, Object process, Keyword type, Keyword f, Object value) {
    /** {@code {:index 217, :process 4, :type :ok, :f :read, :value 3}}. */
    public Map<Keyword, Object> toData() {
      Map<Keyword, Object> m = new LinkedHashMap<>();
      m.put(Keyword.of("index"), EdnParser.box(index));
      m.put(Keyword.of("process"), process);
      m.put(Keyword.of("type"), type);
      m.put(Keyword.of("f"), f);
      m.put(Keyword.of("value"), value);
      if (line > 0) {
        m.put(Keyword.of("line"), EdnParser.box(line));
      }
      return m;
    }
  }

  /** One op of a linearization and the state it leaves. */
  public record Step(OpRef op, Object state) {}

  /** The failure as EDN data: {@code {:partition .., :op {..}, :states-before [..], :prefixes [..], ..}}. */
  public Map<Keyword, Object> toData() {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("partition"), partition);
    m.put(Keyword.of("op"), op.toData());
    m.put(Keyword.of("states-before"), statesBefore);
    if (statesCapped) {
      m.put(Keyword.of("states-capped?"), Boolean.TRUE);
    }
    List<Object> ps = new ArrayList<>();
    for (List<Step> p : prefixes) {
      List<Object> steps = new ArrayList<>();
      for (Step s : p) {
        Map<Keyword, Object> sm = new LinkedHashMap<>();
        sm.put(Keyword.of("op"), s.op().toData());
        sm.put(Keyword.of("state"), s.state());
        steps.add(sm);
      }
      ps.add(steps);
    }
    m.put(Keyword.of("prefixes"), ps);
    m.put(Keyword.of("explanation"), explanation);
    return m;
  }
}
